package org.jsetkey.engine.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A packet stored under {@code src/test/resources/packets}: its bytes (the hex lines) and the
 * lines Debian's tcpdump printed for it after the time stamp ({@code # tcpdump:} for
 * {@code tcpdump -n}, one {@code # tcpdump -v:} per line of {@code tcpdump -n -v}).
 */
public record StoredPacket(String name, byte[] bytes, String tcpdump, String tcpdumpVerbose) {
    private static final String PLAIN = "# tcpdump: ";
    private static final String VERBOSE = "# tcpdump -v: ";

    /** Every stored packet, by file name. */
    public static final List<String> NAMES = List.of("ipv4-ah-esp.hex", "ipv4-esp-gcm.hex", "ipv4-esp-tunnel.hex",
            "ipv4-icmp-echo.hex", "ipv4-udp.hex", "ipv6-icmp6-echo.hex", "ipv6-hbh-icmp6-echo.hex", "ipv6-dstopt-esp.hex",
            "ipv6-ipcomp.hex");

    public static List<StoredPacket> all() throws IOException {
        List<StoredPacket> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(load(n));
        }
        return out;
    }

    /** The packet stored as {@code packets/NAME}. */
    public static StoredPacket load(String name) throws IOException {
        try (InputStream in = StoredPacket.class.getResourceAsStream("/packets/" + name)) {
            if (in == null) {
                throw new IOException("no stored packet " + name);
            }
            StringBuilder hex = new StringBuilder();
            String plain = null;
            List<String> verbose = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith(PLAIN)) {
                    plain = line.substring(PLAIN.length());
                } else if (line.startsWith(VERBOSE)) {
                    verbose.add(line.substring(VERBOSE.length()));
                } else if (!line.startsWith("#")) {
                    hex.append(line.strip());
                }
            }
            if (plain == null || verbose.isEmpty()) {
                throw new IOException(name + ": no '" + PLAIN.strip() + "' or '" + VERBOSE.strip() + "' line");
            }
            return new StoredPacket(name, HexFormat.of().parseHex(hex), plain, String.join("\n", verbose));
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return name;
    }
}
