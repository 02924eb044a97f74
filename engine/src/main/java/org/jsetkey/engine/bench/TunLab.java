package org.jsetkey.engine.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.tun.TunConfig;

/**
 * The plumbing of scripts/tun-lab for the bench: two network namespaces (10.1.0.2 and 10.2.0.2)
 * whose TUN interfaces are joined by two jsetkey gateways on a loopback UDP link (ESP tunnel, or
 * no IPsec at all), or by a bare relay that copies each packet from one TUN device to a UDP
 * socket and from the other UDP socket to the other device. The kernels' ping and iperf3 measure.
 */
final class TunLab implements AutoCloseable {
    enum Mode { ESP, CLEAR, RELAY }

    private static final String SAS = "add 192.0.2.1 192.0.2.2 esp 0x1001 -m tunnel -E aes-cbc "
            + BenchSa.hexKey(16) + " -A hmac-sha2-256 " + BenchSa.hexKey(32) + ";\n"
            + "add 192.0.2.2 192.0.2.1 esp 0x1002 -m tunnel -E aes-cbc " + BenchSa.hexKey(16)
            + " -A hmac-sha2-256 " + BenchSa.hexKey(32) + ";\n";
    private static final Pattern RTT = Pattern.compile("rtt min/avg/max/mdev = [0-9.]+/([0-9.]+)/");
    private static final Pattern RECEIVED = Pattern.compile("(\\d+) received");
    private static final Pattern RATE = Pattern.compile("([0-9.]+) Mbits/sec .*receiver");

    private final String nsA;
    private final String nsB;
    private final List<AutoCloseable> parts = new ArrayList<>();

    TunLab(Mode mode) throws Exception {
        String tag = mode.name().toLowerCase(java.util.Locale.ROOT).charAt(0) + Long.toString(ProcessHandle.current().pid());
        nsA = "tun-bench-a" + tag;
        nsB = "tun-bench-b" + tag;
        try {
            for (String ns : List.of(nsA, nsB)) {
                must("ip", "netns", "add", ns);
                must("ip", "-n", ns, "link", "set", "lo", "up");
                must("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                        "net.ipv6.conf.default.disable_ipv6=1");
            }
            TunConfig a = TunConfig.of("tba" + tag, "10.1.0.1/24", "bench");
            TunConfig b = TunConfig.of("tbb" + tag, "10.2.0.1/24", "bench");
            if (mode == Mode.RELAY) {
                parts.add(new BareRelay(a, b));
            } else {
                gateways(a, b, mode == Mode.ESP);
            }
            place(a.name(), nsA, "10.1.0.2/24", "10.1.0.1");
            place(b.name(), nsB, "10.2.0.2/24", "10.2.0.1");
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Root, /dev/net/tun, iproute2, iputils ping and iperf3: what the part needs, or why it is skipped. */
    static String missing() {
        try {
            if (!run(10, "id", "-u").strip().equals("0")) {
                return "needs root (TUN interfaces and network namespaces)";
            }
            if (!Files.exists(Path.of("/dev/net/tun"))) {
                return "needs /dev/net/tun (modprobe tun)";
            }
            for (String[] tool : List.of(new String[] {"ip", "-V"}, new String[] {"ping", "-V"},
                    new String[] {"iperf3", "-v"})) {
                if (exit(10, tool) != 0) {
                    return "needs " + tool[0] + " (apt-get install iproute2 iputils-ping iperf3)";
                }
            }
            return null;
        } catch (IOException | InterruptedException e) {
            return "cannot run ip: " + e.getMessage();
        }
    }

    private void gateways(TunConfig a, TunConfig b, boolean esp) throws Exception {
        Host gwa = new Host("gwa");
        parts.add(gwa);
        Host gwb = new Host("gwb");
        parts.add(gwb);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        gwa.addAddress(IpAddress.parse("192.0.2.1"));
        gwb.addAddress(IpAddress.parse("192.0.2.2"));
        gwa.listen(loopback);
        gwb.listen(loopback);
        gwa.addPeer(new Peer(gwb.link().localAddress(), List.of(Prefix.host(IpAddress.parse("192.0.2.2")),
                b.network())));
        gwb.addPeer(new Peer(gwa.link().localAddress(), List.of(Prefix.host(IpAddress.parse("192.0.2.1")),
                a.network())));
        for (Host h : List.of(gwa, gwb)) {
            h.sysctl().setInt(SysctlNames.IP_FORWARDING, 1);
        }
        if (esp) {
            setkey(gwa, SAS + "spdadd 10.1.0.0/24 10.2.0.0/24 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/require;\n"
                    + "spdadd 10.2.0.0/24 10.1.0.0/24 any -P in ipsec esp/tunnel/192.0.2.2-192.0.2.1/require;\n");
            setkey(gwb, SAS + "spdadd 10.2.0.0/24 10.1.0.0/24 any -P out ipsec esp/tunnel/192.0.2.2-192.0.2.1/require;\n"
                    + "spdadd 10.1.0.0/24 10.2.0.0/24 any -P in ipsec esp/tunnel/192.0.2.1-192.0.2.2/require;\n");
        }
        gwa.attach(a);
        gwb.attach(b);
    }

    private static void setkey(Host h, String text) {
        SetkeyListener quiet = new SetkeyListener() {
            @Override
            public void output(String t) {
            }

            @Override
            public void diagnostic(org.jsetkey.engine.setkey.Diagnostic d) {
            }
        };
        if (new Setkey(h.sad(), h.spd(), 0).run(text, "bench", quiet).failed()) {
            throw new IllegalStateException("bench tun setup: " + text);
        }
    }

    private static void place(String ifname, String ns, String address, String gateway) throws Exception {
        must("ip", "link", "set", ifname, "netns", ns);
        must("ip", "-n", ns, "addr", "add", address, "dev", ifname);
        must("ip", "-n", ns, "link", "set", ifname, "up");
        must("ip", "-n", ns, "route", "add", "default", "via", gateway);
    }

    /** The kernel's ping from 10.1.0.2 to 10.2.0.2: mean round trip in microseconds over {@code count}. */
    double rttMicros(int count) throws Exception {
        // -w: ping waits for every reply up to that deadline; without it, it lingers only a few round
        // trips after its last probe and counts a reply that a busy machine delayed more as lost
        String out = run(60, "ip", "netns", "exec", nsA, "ping", "-q", "-c", Integer.toString(count), "-i", "0.002",
                "-W", "2", "-w", "30", "10.2.0.2");
        Matcher rtt = RTT.matcher(out);
        Matcher got = RECEIVED.matcher(out);
        if (!rtt.find() || !got.find() || Integer.parseInt(got.group(1)) != count) {
            throw new IllegalStateException("ping through the tun lab lost packets: " + out);
        }
        return Double.parseDouble(rtt.group(1)) * 1000;
    }

    /** iperf3 TCP from 10.1.0.2 to 10.2.0.2 for {@code seconds}: what the receiver got, in Mbit/s. */
    double tcpMbits(int seconds) throws Exception {
        Process server = new ProcessBuilder("ip", "netns", "exec", nsB, "iperf3", "-s", "-1", "-B", "10.2.0.2")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String out = "";
            for (int attempt = 0; attempt < 50; attempt++) { // until the server listens
                out = run(seconds + 30, "ip", "netns", "exec", nsA, "iperf3", "-c", "10.2.0.2", "-t",
                        Integer.toString(seconds), "-f", "m");
                Matcher m = RATE.matcher(out);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("iperf3 through the tun lab: " + out);
        } finally {
            server.destroyForcibly();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String must(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": " + out);
        }
        return out;
    }

    private static String run(int seconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("tun-bench", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static int exit(int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Closes gateways or relay (the interfaces go with them), then the namespaces. */
    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception ignored) {
                // the rest still closes
            }
        }
        for (String ns : List.of(nsA, nsB)) {
            try {
                run(20, "ip", "netns", "del", ns);
            } catch (IOException | InterruptedException ignored) {
                // best effort; the part reports its figures either way
            }
        }
    }
}
