package org.jsetkey.engine.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsetkey.engine.link.SyntheticPackets;
import org.jsetkey.engine.net.StoredPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace printer must print exactly what Debian's tcpdump prints for the same packets. */
class TcpdumpFormatterIT {
    @TempDir
    Path dir;

    @Test
    void matchesTcpdumpLineForLine() throws Exception {
        compareWithTcpdump(false);
    }

    @Test
    void matchesTcpdumpVerboseLineForLine() throws Exception {
        compareWithTcpdump(true);
    }

    /** The lines stored next to the stored packets (HeaderCodecTest compares the printer with them) are tcpdump's. */
    @Test
    void theStoredPacketsLinesAreWhatTcpdumpPrints() throws Exception {
        List<StoredPacket> stored = StoredPacket.all();
        Path pcap = dir.resolve("stored.pcap");
        writePcap(pcap, stored.stream().map(StoredPacket::bytes).toList());
        List<String> plain = tcpdump(pcap, false);
        List<String> verbose = tcpdump(pcap, true);
        assertEquals(stored.size(), plain.size(), "packet count");
        assertEquals(stored.size(), verbose.size(), "packet count, -v");
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(afterStamp(plain.get(i)), stored.get(i).tcpdump(), stored.get(i).name());
            assertEquals(afterStamp(verbose.get(i)), stored.get(i).tcpdumpVerbose(), stored.get(i).name() + " -v");
        }
    }

    private static String afterStamp(String record) {
        return record.replaceFirst("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} ", "");
    }

    @Test
    void truncatedAndGarbagePacketsNeverThrow() {
        TcpdumpFormatter f = new TcpdumpFormatter(true, ZoneOffset.UTC);
        java.util.Random r = new java.util.Random(7);
        List<byte[]> all = new ArrayList<>(SyntheticPackets.variety());
        all.addAll(Ipv6ExtensionPackets.verbose());
        all.addAll(Ipv6ExtensionPackets.udp());
        all.addAll(Ipv6ExtensionPackets.tcp());
        for (byte[] p : all) {
            for (int len = 0; len <= p.length; len++) {
                f.format(Arrays.copyOf(p, len));
            }
        }
        for (byte[] p : Ipv6ExtensionPackets.verbose()) {
            for (int i = 0; i < 20; i++) {
                byte[] m = p.clone();
                m[40 + r.nextInt(m.length - 40)] = (byte) r.nextInt(256);
                f.format(m);
            }
        }
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[r.nextInt(120)];
            r.nextBytes(junk);
            f.format(junk);
        }
        byte[] shortAh = Arrays.copyOf(SyntheticPackets.variety().get(4), 30);
        assertTrue(new TcpdumpFormatter(false, ZoneOffset.UTC).format(shortAh).endsWith("[|ah]"));
    }

    /** Extension headers as tcpdump prints them, the upper layer behind them read from the packet walk. */
    @Test
    void ipv6ExtensionHeadersMatchTcpdump() throws Exception {
        compareWithTcpdump(Ipv6ExtensionPackets.verbose(), false, "ext.pcap");
        compareWithTcpdump(Ipv6ExtensionPackets.verbose(), true, "ext-v.pcap");
        compareWithTcpdump(Ipv6ExtensionPackets.udp(), false, "udp.pcap");
        compareWithTcpdump(Ipv6ExtensionPackets.udp(), true, "udp-v.pcap");
        compareWithTcpdump(Ipv6ExtensionPackets.tcp(), false, "tcp.pcap");
    }

    private void compareWithTcpdump(boolean verbose) throws Exception {
        compareWithTcpdump(SyntheticPackets.variety(), verbose, "variety.pcap");
    }

    private void compareWithTcpdump(List<byte[]> packets, boolean verbose, String file) throws Exception {
        Path pcap = dir.resolve(file);
        writePcap(pcap, packets);
        List<String> expected = tcpdump(pcap, verbose);
        TcpdumpFormatter f = new TcpdumpFormatter(verbose, ZoneOffset.UTC);
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            actual.add(f.formatWithTime((1_700_000_000L + i) * 1_000_000L + 250, packets.get(i)));
        }
        assertEquals(expected.size(), actual.size(), "packet count");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                wrong.add("packet " + i + " " + HexFormat.of().formatHex(packets.get(i)) + "\n  tcpdump: "
                        + expected.get(i) + "\n  jsetkey: " + actual.get(i));
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + packets.size() + " lines differ in " + file + ":\n"
                + String.join("\n", wrong.subList(0, Math.min(10, wrong.size()))));
    }

    /** tcpdump's records: a line starting with a timestamp begins a packet; -v continuation lines join it. */
    private static List<String> tcpdump(Path pcap, boolean verbose) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-n", "-r", pcap.toString()));
        if (verbose) {
            cmd.add(1, "-v");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TZ", "UTC");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("tcpdump is not installed (apt-get install tcpdump): " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> records = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} .*")) {
                records.add(line);
            } else if (!records.isEmpty() && !line.isEmpty()) {
                int last = records.size() - 1;
                records.set(last, records.get(last) + "\n" + line);
            }
        }
        return records;
    }

    private static void writePcap(Path file, List<byte[]> packets) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(os)) {
            out.writeInt(0xa1b2c3d4);
            out.writeShort(2);
            out.writeShort(4);
            out.writeInt(0);
            out.writeInt(0);
            out.writeInt(65535);
            out.writeInt(101);
            for (int i = 0; i < packets.size(); i++) {
                out.writeInt(1_700_000_000 + i);
                out.writeInt(250);
                out.writeInt(packets.get(i).length);
                out.writeInt(packets.get(i).length);
                out.write(packets.get(i));
            }
        }
    }
}
