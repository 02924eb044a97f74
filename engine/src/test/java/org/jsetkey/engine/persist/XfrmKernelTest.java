package org.jsetkey.engine.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.spd.SpdEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code save --format ip-xfrm} output loaded into the real kernel by the real iproute2, in a
 * private network namespace ({@code unshare -n}, root): every line must pass iproute2's parser
 * and reach the kernel, and the kernel's policies, read back with {@code ip -s xfrm policy} in
 * the order Linux matches them (priority, then insertion), must be jsetkey's, in jsetkey's
 * lookup order.
 */
class XfrmKernelTest {
    private static final Pattern DIR_LINE = Pattern.compile("^\\tdir (in|out|fwd) .*index (\\d+) priority (\\d+) ",
            Pattern.MULTILINE);

    @TempDir
    Path tmp;

    private static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        return new String(out, StandardCharsets.UTF_8) + (p.exitValue() == 0 ? "" : "\nexit " + p.exitValue());
    }

    private static void assumeKernelAndIproute2() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) || Files.isExecutable(Path.of(
                "/bin/unshare")), "no unshare(1): the kernel check needs util-linux");
        Assumptions.assumeTrue(run(List.of("id", "-u"), "").strip().equals("0"),
                "not root: unshare -n and ip xfrm need root");
        String probe = run(List.of("unshare", "-n", "ip", "xfrm", "policy"), "");
        Assumptions.assumeTrue(!probe.contains("exit"), "unshare -n ip xfrm policy failed here: " + probe);
    }

    /** What the kernel made of the written lines: how many of each kind, and its policy listing. */
    private record Loaded(int states, int policies, String listing) {
    }

    /**
     * Runs every {@code ip xfrm} line of {@code written} in a fresh network namespace, asserting
     * that iproute2 accepted each and the kernel took each policy (a state may fail only for a
     * missing kernel module or algorithm), and returns {@code ip -s xfrm policy}.
     */
    private Loaded load(String written) throws Exception {
        List<String> commands = written.lines().filter(l -> l.startsWith("ip xfrm ")).toList();
        Files.writeString(tmp.resolve("cmds"), String.join("\n", commands) + "\n");
        // one ip per line: ip -batch stops at the first failed xfrm command even with -force
        String script = "set -f\nn=0\nwhile IFS= read -r l; do n=$((n+1));"
                + " printf '%s\\n' \"${l#ip }\" | ip -batch - >/dev/null 2>\"$1/err\"; echo \"@@ $n $?\";"
                + " cat \"$1/err\"; done < \"$1/cmds\"\necho '@@ listing'\nip -s xfrm policy\n";
        Files.writeString(tmp.resolve("load.sh"), script);
        String out = run(List.of("unshare", "-n", "sh", tmp.resolve("load.sh").toString(), tmp.toString()), "");
        int listing = out.indexOf("@@ listing\n");
        assertTrue(listing >= 0, out);
        int states = 0;
        int policies = 0;
        for (String r : out.substring(0, listing).split("(?m)^@@ ")) {
            if (r.isBlank()) {
                continue;
            }
            String[] head = r.split("\n", 2)[0].split(" ");
            String command = commands.get(Integer.parseInt(head[0]) - 1);
            String err = r.contains("\n") ? r.split("\n", 2)[1].strip() : "";
            if (command.startsWith("ip xfrm state add")) {
                states++;
                // a kernel without esp4/ah4/ipcomp or the cipher: fine; an iproute2 parse error is not
                assertTrue(head[1].equals("0") || err.matches("Error: Requested (type|AEAD algorithm|"
                        + "(enc|auth|comp) algorithm|.*) not found\\.?"), command + "\n-> " + err);
            } else {
                policies++;
                assertEquals("0", head[1], command + "\n-> " + err);
            }
        }
        return new Loaded(states, policies, out.substring(listing + "@@ listing\n".length()));
    }

    /** The kernel's policies in the order it matches them (priority, then insertion), loaded into jsetkey. */
    private static List<Policy> kernelRank(String listing) {
        List<String> blocks = new ArrayList<>(List.of(listing.split("(?m)^(?=src )")));
        blocks.removeIf(String::isBlank);
        blocks.sort(Comparator.comparingInt((String b) -> List.of("in", "out", "fwd").indexOf(group(b, 1)))
                .thenComparingLong(b -> Long.parseLong(group(b, 3))).thenComparingLong(b -> Long.parseLong(group(b, 2))));
        // a listing is read newest first: handed over last-ranked first, ids follow Linux's rank
        java.util.Collections.reverse(blocks);
        TestHost b = new TestHost();
        b.loadClean(String.join("", blocks));
        List<SpdEntry> got = new ArrayList<>(b.host.spd().snapshot());
        got.sort(Comparator.comparingLong(SpdEntry::id));
        return got.stream().map(SpdEntry::policy).map(XfrmKernelTest::explicit).toList();
    }

    private static List<Policy> jsetkeyRank(TestHost h, java.util.Set<String> commented) {
        List<SpdEntry> want = new ArrayList<>(h.host.spd().snapshot());
        want.removeIf(e -> commented.contains(org.jsetkey.engine.setkey.StatementFormatter.format(
                new org.jsetkey.engine.setkey.stmt.SpdAdd(e.policy()))));
        want.sort(Spd.LOOKUP_ORDER);
        return want.stream().map(SpdEntry::policy).map(XfrmKernelTest::explicit).toList();
    }

    /** No prio and prio def are the same 2^31 in the kernel. */
    private static Policy explicit(Policy p) {
        return p.priority() != null ? p : new Policy(p.selector(), p.direction(),
                new org.jsetkey.engine.spd.Priority(org.jsetkey.engine.spd.Priority.DEFAULT_BASE), p.action(), p.rules(),
                p.context());
    }

    private static java.util.Set<String> commented(String written) {
        return written.lines().filter(l -> l.startsWith("# no ip xfrm equivalent: "))
                .map(l -> l.substring("# no ip xfrm equivalent: ".length())).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theKernelTakesEveryLineAndRanksThePoliciesAsJsetkey() throws Exception {
        assumeKernelAndIproute2();
        TestHost a = new TestHost();
        a.loadClean(XfrmListingTest.resource("mixed.conf"));
        String written = XfrmWriter.write(a.host.sad(), a.host.spd(), a.host.sysctl()).text();
        Loaded k = load(written);
        assertEquals(5, k.states());
        assertEquals(15, k.policies()); // 13 policies, 2 flushes
        List<Policy> want = jsetkeyRank(a, commented(written));
        assertEquals(13, want.size());
        List<Policy> got = kernelRank(k.listing());
        assertEquals(want, got);

        // the listing as printed (newest first) loads in the kernel's insertion order
        TestHost c = new TestHost();
        c.loadClean(k.listing());
        List<SpdEntry> asListed = new ArrayList<>(c.host.spd().snapshot());
        asListed.sort(Spd.LOOKUP_ORDER);
        assertEquals(want, asListed.stream().map(SpdEntry::policy).map(XfrmKernelTest::explicit).toList());

        // the pair: the prio high bypass for one host pair is matched before the /24 discard
        List<Policy> outbound = got.stream().filter(p -> p.direction().keyword().equals("out")).toList();
        int none = indexOf(outbound, "192.0.2.1");
        int discard = indexOf(outbound, "192.0.2.0/24");
        assertTrue(none >= 0 && discard > none, outbound.toString());
    }

    @Test
    void theKernelHoldsTheFormsSetkeyCannotStateAsJsetkeyDoes() throws Exception {
        assumeKernelAndIproute2();
        TestHost a = new TestHost();
        a.loadClean(XfrmListingTest.resource("kernel-forms.conf"));
        String written = XfrmWriter.write(a.host.sad(), a.host.spd(), a.host.sysctl()).text();
        Loaded k = load(written);
        assertEquals(10, k.policies()); // 8 policies, 2 flushes
        List<Policy> want = jsetkeyRank(a, commented(written));
        assertEquals(8, want.size());
        // reqids, levels and the exact ICMP type/code 0 as the kernel lists them, read back into jsetkey
        assertEquals(want, kernelRank(k.listing()));
        for (String held : List.of("reqid 4294967295(0xffffffff) mode tunnel\n\t\tlevel use ",
                "reqid 16385(0x00004001) mode tunnel\n\t\tlevel required ", "reqid 5(0x00000005) mode tunnel\n"
                + "\t\tlevel use ", " proto icmp type 0 code 0 uid 0\n", " proto icmp type 8 code 0 uid 0\n",
                " proto icmp code 0 uid 0\n", " proto ipv6-icmp type 0 uid 0\n")) {
            assertTrue(k.listing().contains(held), held + " in\n" + k.listing());
        }
    }

    @Test
    void randomDatabasesReachTheKernelAndRankAsInJsetkey() throws Exception {
        assumeKernelAndIproute2();
        int policies = 0;
        for (long seed = 1; seed <= 30; seed++) {
            TestHost a = SaveLoadPropertyTest.build(seed, new java.util.TreeSet<>());
            String written = XfrmWriter.write(a.host.sad(), a.host.spd(), a.host.sysctl()).text();
            Loaded k = load(written);
            List<Policy> want = jsetkeyRank(a, commented(written));
            if (!k.listing().contains("\tsecurity context ")) {
                // without an LSM (SELinux) the kernel takes a ctx and keeps none
                want = want.stream().map(p -> new Policy(p.selector(), p.direction(), p.priority(), p.action(),
                        p.rules(), null)).toList();
            }
            assertEquals(want, kernelRank(k.listing()), "seed " + seed + "\n" + written);
            policies += want.size();
        }
        assertTrue(policies > 80, "policies " + policies);
    }

    private static int indexOf(List<Policy> l, String src) {
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).selector().src().toString().equals(src)) {
                return i;
            }
        }
        return -1;
    }

    private static String group(String block, int g) {
        Matcher m = DIR_LINE.matcher(block);
        if (!m.find()) {
            throw new AssertionError("no dir line in\n" + block);
        }
        return m.group(g);
    }
}
