package org.jsetkey.engine.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.SpdEntry;
import org.junit.jupiter.api.Test;

/** The kernel's listings as iproute2 prints them (see resources/xfrm/README.md) load into the SAD/SPD they show. */
class XfrmListingTest {
    static String resource(String name) {
        try (InputStream in = XfrmListingTest.class.getResourceAsStream("/xfrm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** mixed.conf without the two entries Linux cannot hold (-r 4096; an optional outbound tunnel rule). */
    static TestHost expected() {
        TestHost h = new TestHost();
        h.loadClean(resource("mixed.conf").lines().filter(l -> !l.contains("-r 4096") && !l.contains("10.3.0.0/16"))
                .collect(Collectors.joining("\n")) + "\n");
        return h;
    }

    static Set<Policy> policies(TestHost h) {
        return h.host.spd().snapshot().stream().map(SpdEntry::policy).collect(Collectors.toSet());
    }

    static Set<SecurityAssociation> sas(TestHost h) {
        return h.host.sad().snapshot().stream().map(SaEntry::sa).collect(Collectors.toSet());
    }

    @Test
    void policyListingsInEveryFormLoadAsTheSavedPolicies() {
        Set<Policy> want = policies(expected());
        assertEquals(13, want.size());
        for (String f : List.of("policy-plain.txt", "policy-s.txt", "policy-o.txt", "policy-o-s.txt")) {
            TestHost h = new TestHost();
            h.loadClean(resource(f));
            assertEquals(want, policies(h), f);
        }
    }

    @Test
    void stateListingsWithStatsLoadAsTheSavedSas() {
        Set<SecurityAssociation> want = sas(expected());
        assertEquals(5, want.size());
        for (String f : List.of("state-s.txt", "state-o-s.txt")) {
            TestHost h = new TestHost();
            h.loadClean(resource(f));
            assertEquals(want, sas(h), f);
        }
    }

    @Test
    void plainStateListingsShowNoLimitsNorExtraFlags() {
        // iproute2 prints lifetimes only with -s and the extra flags (oseq-may-wrap) only with -s
        TestHost plain = new TestHost();
        plain.loadClean(resource("state-plain.txt"));
        TestHost oneLine = new TestHost();
        oneLine.loadClean(resource("state-o.txt"));
        assertEquals(plain.sad(), oneLine.sad());
        TestHost stats = new TestHost();
        stats.loadClean(resource("state-s.txt"));
        String want = stats.sad().replace("flags=0x00000040", "flags=0x00000000")
                .replace("hard: 100000(bytes)\tsoft: 80000(bytes)", "hard: 0(bytes)\tsoft: 0(bytes)")
                .replace("hard: 3600(s)\tsoft: 2880(s)", "hard: 0(s)\tsoft: 0(s)");
        assertEquals(want, plain.sad());
    }

    @Test
    void anAttributeWithNoSetkeyEquivalentIsAnErrorAtItsLineAndColumn() {
        TestHost h = new TestHost();
        String before = h.state();
        assertTrue(h.load("src 10.0.0.1/32 dst 10.0.0.2/32 \n\tdir out priority 0 ptype sub \n").failed());
        assertEquals(List.of("t.conf:2:27: ptype sub has no setkey equivalent (expected: main)\n"
                + "\tdir out priority 0 ptype sub \n\t                         ^~~"), errors(h));
        assertEquals(before, h.state());
    }

    static List<String> errors(TestHost h) {
        return h.diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).map(Diagnostic::format)
                .toList();
    }

    @Test
    void addLinesAsIproute2TakesThemAndRefusesThem() {
        TestHost h = new TestHost();
        h.loadClean("ip xfrm policy add src 10.0.0.0/24 dst 10.0.1.0/24 proto gre dir out ptype main\n"
                + "ip xfrm policy add src 10.0.0.0/24 dst 10.0.1.0/24 proto ipencap dir in priority 2147483648\n"
                + "ip xfrm policy add src 10.0.0.0/24 dst 10.0.1.0/24 proto sctp sport 5 dir fwd"
                + " tmpl src 10.0.0.1 dst 10.0.1.1 proto esp spi 0 mode tunnel\n");
        TestHost s = new TestHost();
        s.loadClean("spdadd 10.0.0.0/24 10.0.1.0/24 47 -P out prio 2147483648 none;\n"
                + "spdadd 10.0.0.0/24 10.0.1.0/24 4 -P in none;\n"
                + "spdadd 10.0.0.0/24[5] 10.0.1.0/24 132 -P fwd prio 2147483648 ipsec"
                + " esp/tunnel/10.0.0.1-10.0.1.1/require;\n");
        assertEquals(policies(s), policies(h));
        String[][] refused = {
            // iproute2 6.1: Error: duplicate "unknown": "src" is the second value.
            {"ip xfrm policy add src 10.0.0.0/24 dst 10.0.1.0/24 dir fwd tmpl proto comp mode tunnel"
                    + " src 10.0.0.1 dst 10.0.1.1", "t.conf:1:88: duplicate \"unknown\": \"src\" is the second value"},
            {"ip xfrm policy add src 10.0.0.0/24 dst 10.0.1.0/24 dir fwd proto icmp type 3",
                    "t.conf:1:60: duplicate \"unknown\": \"proto\" is the second value"},
            {"ip xfrm policy add src 10.0.0.0/24 dst 10.0.1.0/24 proto 47 sport 4 dir fwd",
                    "t.conf:1:67: \"sport\" and \"dport\" are invalid with PROTO value \"47\""},
            {"ip xfrm state add src 10.0.0.1 reqid 4 dst 10.0.0.2 proto esp spi 1 enc cbc(aes) 0x" + "00".repeat(16),
                    "t.conf:1:40: argument \"dst\" is wrong: unknown"},
        };
        for (String[] c : refused) {
            TestHost r = new TestHost();
            assertTrue(r.load(c[0] + "\n").failed(), c[0]);
            assertTrue(errors(r).get(0).startsWith(c[1]), errors(r).get(0));
            assertEquals(0, r.host.spd().size() + r.host.sad().size());
        }
    }

    @Test
    void aBareDirectionIsADiscardPolicyOfPriorityZeroAsIpsecToolsSendsIt() {
        TestHost h = new TestHost();
        h.loadClean("spdadd 10.0.0.1 10.0.0.2 any -P out;\n");
        Policy p = h.host.spd().snapshot().get(0).policy();
        assertEquals("discard", p.action().keyword());
        assertEquals(0, p.sortPriority());
        assertTrue(h.diagnostics.stream().anyMatch(d -> d.message().startsWith("no action after -P out: a discard"
                + " policy with priority 0")), h.diagnostics.toString());
        // saved and loaded again it keeps its priority
        TestHost again = new TestHost();
        again.loadClean(org.jsetkey.engine.setkey.ConfigWriter.write(h.host.sad(), h.host.spd(), h.host.sysctl()));
        assertEquals(new HashSet<>(policies(h)), policies(again));
    }

    @Test
    void oldStyleIpv4NumbersReadAsGetaddrinfoReadsThemWithANotice() {
        TestHost h = new TestHost();
        h.loadClean("spdadd 10.010.2 10.000.2/16 any -P out none;\n");
        TestHost s = new TestHost();
        s.loadClean("spdadd 10.8.0.2 10.0.0.2/16 any -P out none;\n");
        assertEquals(policies(s), policies(h));
        assertEquals(List.of("t.conf:1:8: warning: old-style IPv4 address \"10.010.2\" read as 10.8.0.2 (inet_aton)",
                "t.conf:1:17: warning: old-style IPv4 address \"10.000.2\" read as 10.0.0.2 (inet_aton)"),
                h.diagnostics.stream().map(d -> d.format().split("\n")[0]).toList());
    }
}
