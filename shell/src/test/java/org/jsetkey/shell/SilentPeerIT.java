package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.shell.command.Outcome;
import org.junit.jupiter.api.Test;

/** A ping whose link peer is down, missing or never there says so once, and explain says it too. */
class SilentPeerIT {
    @Test
    void aPeerNeverHeardFromIsNamedOnceAfterTheSummaryAndInExplain() throws Exception {
        int nobody = LabProfiles.freePort();
        try (LabHost phoenix = new LabHost("phoenix", "192.0.2.10")) {
            phoenix.context.host().addPeer(new Peer(new InetSocketAddress(InetAddress.getLoopbackAddress(), nobody),
                    List.of()));
            assertEquals(Outcome.FAILED, phoenix.run("ping -c 2 -i 0.2 -W 0.5 198.51.100.20"));
            assertTrue(phoenix.out().contains("2 packets transmitted, 0 received, 100% packet loss"), phoenix.out());
            String me = Endpoints.format(phoenix.context.host().link().localAddress());
            assertEquals("ping: nothing came back from link peer 127.0.0.1:" + nobody + " during this ping; it has"
                    + " not been heard from at all since this host started: is it running, and does its --peer point"
                    + " at " + me + "?\n", phoenix.err());
            phoenix.clear();
            phoenix.run("explain");
            assertTrue(phoenix.out().startsWith("No packets dropped. The last ping: nothing came back from link peer"
                    + " 127.0.0.1:" + nobody), phoenix.out());
        }
    }

    @Test
    void aPeerThatStoppedWasHeardFromBefore() throws Exception {
        try (LabHost phoenix = new LabHost("phoenix", "192.0.2.10")) {
            LabHost cardinal = new LabHost("cardinal", "198.51.100.20");
            try {
                phoenix.peer(cardinal);
                cardinal.peer(phoenix);
                assertEquals(Outcome.OK, phoenix.run("ping -c 1 -W 5 198.51.100.20"), phoenix.out() + phoenix.err());
                assertEquals("", phoenix.err());
                phoenix.run("explain");
                assertTrue(phoenix.out().endsWith("No packets dropped.\n"), phoenix.out());
            } finally {
                cardinal.close();
            }
            phoenix.clear();
            assertEquals(Outcome.FAILED, phoenix.run("ping -c 1 -W 0.5 198.51.100.20"));
            assertTrue(phoenix.err().startsWith("ping: nothing came back from link peer cardinal at 127.0.0.1:"),
                    phoenix.err());
            assertTrue(phoenix.err().contains("; it was heard from before, so it may have stopped"), phoenix.err());
            assertEquals(1, phoenix.err().lines().count(), phoenix.err());
        }
    }

    @Test
    void probesThisHostDroppedItselfAreBlamedOnThisHostNotThePeer() throws Exception {
        try (LabHost phoenix = new LabHost("phoenix", "192.0.2.10");
             LabHost cardinal = new LabHost("cardinal", "198.51.100.20")) {
            phoenix.peer(cardinal);
            cardinal.peer(phoenix);
            assertEquals(Outcome.OK, phoenix.run("ping -c 1 -W 5 198.51.100.20"), phoenix.out() + phoenix.err());
            assertEquals(Outcome.OK, phoenix.run("sysctl net.inet.ipsec.esp_trans_deflev=2"), phoenix.err());
            assertEquals(Outcome.OK, phoenix.run("spdadd 192.0.2.10 198.51.100.20 any -P out ipsec"
                    + " esp/transport//default;"), phoenix.err());
            phoenix.clear();
            assertEquals(Outcome.FAILED, phoenix.run("ping -c 2 -i 0.2 -W 0.5 198.51.100.20"));
            assertEquals("ping: this host dropped every probe itself, before the link: OUT_NO_SA, no esp SA from"
                    + " 192.0.2.10 to 198.51.100.20 for esp/transport//default (policy spid=1); ACQUIRE raised"
                    + " (explain lists the drops)\n", phoenix.err());
            String commandNote = phoenix.err();
            String commandOut = phoenix.out();
            phoenix.clear();
            phoenix.run("explain");
            assertTrue(phoenix.out().contains("The last ping: this host dropped every probe itself"), phoenix.out());

            // Groovy's ping is the same service: the same lines, the same note; only "time" may differ
            phoenix.clear();
            phoenix.run("groovy ping('198.51.100.20', count: 2, interval: 0.2, wait: 0.5); null");
            assertEquals(commandNote, phoenix.err());
            assertEquals(commandOut.replaceAll("time \\d+ms", "time Tms"),
                    phoenix.out().replaceAll("time \\d+ms", "time Tms"));
        }
    }

    @Test
    void withoutALinkOrAPeerForTheDestinationPingSaysSoBeforeSending() throws Exception {
        InProcessRun r = InProcessRun.of("ping -c 1 198.51.100.20\n", "--addr", "192.0.2.10");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals("ping: this host has no link, so nothing can reach 198.51.100.20 (start it with --listen and"
                + " --peer, or --rc)\n", r.err());
        r = InProcessRun.of("ping -c 1 198.51.100.20\n", "--addr", "192.0.2.10", "--listen",
                "127.0.0.1:" + LabProfiles.freePort());
        assertEquals("", r.out());
        assertEquals("ping: no link peer carries 198.51.100.20 (no --peer prefix covers it; 'link' lists the"
                + " peers)\n", r.err());
    }
}
