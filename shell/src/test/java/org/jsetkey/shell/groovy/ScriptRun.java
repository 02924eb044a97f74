package org.jsetkey.shell.groovy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsetkey.shell.InProcessRun;

/** Runs the program in this JVM (Main.run) with piped input, capturing both outputs. */
record ScriptRun(int status, String out, String err) {

    static ScriptRun main(String stdin, String... args) throws Exception {
        InProcessRun r = InProcessRun.of(stdin, args);
        return new ScriptRun(r.status(), r.out(), r.err());
    }

    /** The project's scripts/ directory (tests run in shell/). */
    static Path scriptsDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scripts/two-hosts.groovy"))) {
                return p.resolve("scripts");
            }
        }
        throw new IllegalStateException("no scripts/ directory above " + here);
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
