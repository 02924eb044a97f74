package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Copies of the shipped phoenix and cardinal profiles on free loopback ports, so tests
 * that start real processes never clash with each other or with a running lab.
 */
public final class LabProfiles {
    public static final Path SCRIPTS = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts");

    public final Path phoenixRc;
    public final Path cardinalRc;

    /** {@code cardinalKeys} may rewrite cardinal's ipsec.conf (e.g. another SPI). */
    public LabProfiles(Path dir, UnaryOperator<String> cardinalKeys) throws IOException {
        int p = freePort();
        int c = freePort();
        phoenixRc = copy(dir, "phoenix", p, c, UnaryOperator.identity());
        cardinalRc = copy(dir, "cardinal", p, c, cardinalKeys);
    }

    private static Path copy(Path dir, String host, int phoenixPort, int cardinalPort, UnaryOperator<String> keys)
            throws IOException {
        Path conf = dir.resolve(host + "-ipsec.conf");
        Files.writeString(conf, keys.apply(Files.readString(SCRIPTS.resolve(host).resolve("ipsec.conf"))));
        String rc = Files.readString(SCRIPTS.resolve(host).resolve("rc.conf"))
                .replace("127.0.0.1:7101", "127.0.0.1:" + phoenixPort)
                .replace("127.0.0.1:7102", "127.0.0.1:" + cardinalPort)
                .replace("ipsec_file=\"ipsec.conf\"", "ipsec_file=\"" + conf + "\"");
        assertTrue(rc.contains(":" + phoenixPort) && rc.contains(":" + cardinalPort) && rc.contains(conf.toString()),
                "the shipped rc.conf no longer has the expected ports or ipsec_file: " + rc);
        Path file = dir.resolve(host + "-rc.conf");
        Files.writeString(file, rc);
        return file;
    }

    public static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
