package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every script in scripts/ runs green through --script, as a user starts it. */
class ShippedScriptsIT {

    private static ScriptRun script(String name, String... args) throws Exception {
        String[] argv = new String[args.length + 2];
        argv[0] = "--script";
        argv[1] = ScriptRun.scriptsDir().resolve(name).toString();
        System.arraycopy(args, 0, argv, 2, args.length);
        return ScriptRun.main("", argv);
    }

    @Test
    void twoHostsPingsCrossAsAhOverEsp() throws Exception {
        ScriptRun r = script("two-hosts.groovy", "4");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("4 packets transmitted, 4 received, 0% packet loss"), r.out());
        Matcher m = Pattern.compile("IP 192\\.0\\.2\\.10 > 198\\.51\\.100\\.20: AH\\(spi=0x00003d54,seq=0x4,"
                + "icv=0x[0-9a-f]{24}\\): ESP\\(spi=0x00003d55,seq=0x4\\), length 88").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(r.out().endsWith("two-hosts: 4/4 pings crossed as AH over ESP\n"), r.out());
    }

    @Test
    void keymanagerAnswersAcquireWithRandomSas() throws Exception {
        ScriptRun r = script("keymanager.groovy");
        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile("keymanager: ACQUIRE from phoenix for 192\\.0\\.2\\.10 > 198\\.51\\.100\\.20 esp: "
                + "installed SPIs (\\d+) and (\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Long.parseLong(m.group(1)) >= 256 && Long.parseLong(m.group(2)) >= 256, m.group());
        assertTrue(r.out().contains("5 packets transmitted, 5 received"), r.out());
        assertTrue(r.out().contains("keymanager: 5/5 pings passed on keys nobody typed"), r.out());
    }

    @Test
    void spiMismatchPrintsTheDropExplanation() throws Exception {
        ScriptRun r = script("spi-mismatch.groovy");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("cardinal dropped a packet: UNKNOWN_SPI\n  unknown esp SPI 15701 (0x00003d55) "
                + "from 192.0.2.10 to 198.51.100.20: this host holds esp SA for 198.51.100.20 with SPI 15702"),
                r.out());
        assertTrue(r.out().contains("2 packets transmitted, 0 received, 100% packet loss"), r.out());
    }

    @Test
    void impairedLinkWalkthroughShowsEachFault() throws Exception {
        ScriptRun r = script("impaired-link.groovy");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(" (DUP!)\n"), r.out());
        assertTrue(r.out().contains("cardinal: duplicate 50% seed 1\n"), r.out());
        assertTrue(r.out().contains("damaged in transit ("), r.out());
        Matcher m = Pattern.compile("impaired-link: (\\d+) DUP! without a window, none with -r 32 \\((\\d+) replays\\); "
                + "(\\d+) of 50 lost; (\\d+) corrupted, each dropped with its reason\n$").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Long.parseLong(m.group(1)) > 0 && Long.parseLong(m.group(2)) > 0, m.group());
    }

    @Test
    void natTraversalShowsTheThreeCases() throws Exception {
        ScriptRun r = script("nat-traversal.groovy", "2");
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("nat-traversal: AH: as expected: 0/2 pings; cardinal: ICV mismatch on ah spi 8192"
                + " (0x00002000) from 203.0.113.1 to 198.51.100.20: the source address changed on the way"), r.out());
        assertTrue(r.out().contains("nat-traversal: ESP: as expected: 0/2 pings; router: nat: ESP has no ports to"
                + " translate"), r.out());
        assertTrue(r.out().contains("nat-traversal: NAT-T: as expected: 2/2 pings; cardinal saw them from"
                + " 203.0.113.1\n"), r.out());
        assertTrue(r.out().contains("all udp 203.0.113.1:50001 (10.0.1.10:4500) -> 198.51.100.20:4500\n"), r.out());
        assertTrue(r.out().endsWith("nat-traversal: AH fails, ESP fails, NAT-T works\n"), r.out());
    }
}
