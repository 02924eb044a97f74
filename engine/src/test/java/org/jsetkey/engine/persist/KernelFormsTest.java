package org.jsetkey.engine.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.setkey.ConfigWriter;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.Flow;
import org.jsetkey.engine.spd.SpdEntry;
import org.junit.jupiter.api.Test;

/**
 * What a Linux kernel holds and setkey's language cannot state (resources/xfrm/kernel-forms.conf):
 * template reqids of any 32-bit value, a reqid with level use, an ICMP type or code of exactly 0.
 */
class KernelFormsTest {
    private static final String FORMS = XfrmListingTest.resource("kernel-forms.conf");
    private static final String TIMES = "(created|lastused): [A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}|pid=\\d+";

    private static TestHost loaded() {
        TestHost h = new TestHost();
        h.loadClean(FORMS);
        return h;
    }

    @Test
    void spddumpPrintsThemAsIpsecToolsPrintsSuchKernelPolicies() {
        String dump = loaded().spd();
        for (String line : List.of("\tesp/tunnel/192.0.2.1-198.51.100.1/unique#16385\n",
                "\tesp/tunnel/198.51.100.1-192.0.2.1/use#4294967295\n", "\tesp/tunnel/198.51.100.1-192.0.2.1/use:5\n",
                "\tesp/transport//use:7\n\tah/transport//unique#16384\n",
                "192.0.2.1 198.51.100.1 icmp type 0 code 0\n\tin prio high + 1073741774 discard\n",
                "192.0.2.1 198.51.100.1 icmp type 8 code 0\n", "192.0.2.0/24 198.51.100.0/24 icmp code 0\n",
                "2001:db8::1 2001:db8::2 icmp6 type 0\n")) {
            assertTrue(dump.contains(line), line + " in\n" + dump);
        }
    }

    @Test
    void saveAsIpXfrmWritesEachLineBackAsRead() {
        TestHost h = loaded();
        XfrmWriter.Result r = XfrmWriter.write(h.host.sad(), h.host.spd(), h.host.sysctl());
        assertEquals(List.of(), r.notes());
        List<String> read = FORMS.lines().filter(l -> l.startsWith("ip xfrm policy add")).sorted().toList();
        List<String> written = r.text().lines().filter(l -> l.startsWith("ip xfrm policy add")).sorted().toList();
        assertEquals(read, written);
    }

    @Test
    void aSpddumpOfThemLoadsBackToTheSameText() {
        TestHost a = loaded();
        TestHost b = new TestHost();
        b.loadClean(a.spd());
        assertEquals(XfrmListingTest.policies(a), XfrmListingTest.policies(b));
        assertEquals(a.spd().replaceAll(TIMES, ""), b.spd().replaceAll(TIMES, ""));
    }

    @Test
    void setkeyOutputKeepsThemAsCommentsWithTheReasonAndAutosaveKeepsThemExactly() {
        TestHost a = loaded();
        String saved = ConfigWriter.write(a.host.sad(), a.host.spd(), a.host.sysctl());
        assertTrue(saved.contains("# no setkey equivalent: reqid 16385 is above setkey's unique:N range (1-16383):"
                + " spdadd 10.7.0.0/16[any] 10.8.0.0/16[any] any -P out prio high + 1073741724 ipsec"
                + " esp/tunnel/192.0.2.1-198.51.100.1/unique#16385;\n"), saved);
        assertTrue(saved.contains("# no setkey equivalent: a reqid with level use (setkey binds a reqid only as"
                + " unique:N): spdadd 10.8.0.0/16[any] 10.7.0.0/16[any] any -P fwd"), saved);
        assertTrue(saved.contains("# no setkey equivalent: an ICMP type of exactly 0 (setkey's 0 means any):"
                + " spdadd 192.0.2.1 198.51.100.1 icmp type 0 code 0 -P in"), saved);
        assertTrue(saved.contains("# no setkey equivalent: an ICMP code of exactly 0 (setkey's 0 means any):"
                + " spdadd 192.0.2.1 198.51.100.1 icmp type 8 code 0 -P out"), saved);
        assertEquals(8, saved.lines().filter(l -> l.startsWith("# no setkey equivalent: ")).count());
        assertFalse(saved.contains("\nspdadd "), saved);
        TestHost b = new TestHost();
        b.loadClean(saved);
        assertEquals(0, b.host.spd().size());

        String autosaved = ConfigWriter.write(a.host.sad(), a.host.spd(), a.host.sysctl(), XfrmWriter::policyLine);
        TestHost c = new TestHost();
        c.loadClean(autosaved);
        assertEquals(a.spd().replaceAll(TIMES, ""), c.spd().replaceAll(TIMES, ""));
    }

    @Test
    void theSetkeyLanguageStillRefusesThem() {
        TestHost h = new TestHost();
        String before = h.state();
        for (String[] c : new String[][] {
            {"spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//unique:16384;",
                "t.conf:1:43: Invalid ipsec level \"unique:16384\" in rule \"esp/transport//unique:16384\""
                + " (expected: unique:1-16383)"},
            {"spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//unique#16385;",
                "t.conf:1:64: unexpected character \"#\" in policy"},
            {"spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//use:5;",
                "t.conf:1:43: Invalid ipsec level \"use:5\""}}) {
            assertTrue(h.load(c[0]).failed(), c[0]);
            assertTrue(XfrmListingTest.errors(h).get(0).startsWith(c[1]), XfrmListingTest.errors(h).get(0));
        }
        assertEquals(before, h.state());
    }

    @Test
    void anExactZeroMatchesOnlyZero() {
        TestHost h = loaded();
        IpAddress a = IpAddress.parse("192.0.2.1");
        IpAddress b = IpAddress.parse("198.51.100.1");
        Optional<SpdEntry> reply = h.host.spd().lookup(Direction.IN, new Flow(a, b, 1, 0, 0));
        assertTrue(reply.isPresent() && reply.get().policy().selector().srcZeroExact());
        assertTrue(h.host.spd().lookup(Direction.IN, new Flow(a, b, 1, 8, 0)).isEmpty());
        assertTrue(h.host.spd().lookup(Direction.IN, new Flow(a, b, 1, 0, 1)).isEmpty());
        // type 8 code 0 exactly: a request with code 0 only
        assertTrue(h.host.spd().lookup(Direction.OUT, new Flow(a, b, 1, 8, 0)).get().policy().selector()
                .dstZeroExact());
        // code 0 exactly, any type
        assertEquals("192.0.2.0/24", h.host.spd().lookup(Direction.OUT, new Flow(a, b, 1, 3, 0)).get().policy()
                .selector().src().toString());
        assertTrue(h.host.spd().lookup(Direction.OUT, new Flow(a, b, 1, 8, 1)).isEmpty());
        assertTrue(h.host.spd().lookup(Direction.OUT, new Flow(a, b, 1, 3, 1)).isEmpty());
    }
}
