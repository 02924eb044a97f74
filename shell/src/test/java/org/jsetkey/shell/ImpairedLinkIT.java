package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsetkey.shell.command.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code link impair} between phoenix and cardinal, seen the way a user sees it: ping, link, netstat. */
class ImpairedLinkIT {
    private static final String KEY = "0x" + "33".repeat(20);
    private final TwoHosts lab;
    private final LabHost phoenix;
    private final LabHost cardinal;

    ImpairedLinkIT() throws Exception {
        lab = TwoHosts.v4();
        phoenix = lab.phoenix;
        cardinal = lab.cardinal;
    }

    @AfterEach
    void close() {
        lab.close();
    }

    /** ESP (aes-gcm-16) both ways with {@code replay} as the SAs' -r option ("" for none). */
    private void esp(String replay) {
        String sas = "flush;\nspdflush;\n"
                + "add 192.0.2.10 198.51.100.20 esp 0x3001 " + replay + " -E aes-gcm-16 " + KEY + ";\n"
                + "add 198.51.100.20 192.0.2.10 esp 0x3002 " + replay + " -E aes-gcm-16 " + KEY + ";\n";
        String out = "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;\n"
                + "spdadd 198.51.100.20 192.0.2.10 any -P in ipsec esp/transport//require;\n";
        String in = "spdadd 198.51.100.20 192.0.2.10 any -P out ipsec esp/transport//require;\n"
                + "spdadd 192.0.2.10 198.51.100.20 any -P in ipsec esp/transport//require;\n";
        lab.load(sas + out, sas + in);
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in:\n" + text);
        return Long.parseLong(m.group(1));
    }

    @Test
    void loss20PercentShowsInPingAndInLink() {
        esp("");
        assertEquals(Outcome.OK, phoenix.run("link impair cardinal loss 20% seed 1"));
        assertEquals("link impair cardinal: loss 20% seed 1\n", phoenix.out());
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("ping -q -c 200 -i 0.01 -W 2 " + TwoHosts.CARDINAL));
        String ping = phoenix.out();
        long received = number(ping, "200 packets transmitted, (\\d+) received, ");
        double loss = Double.parseDouble(ping.replaceAll("(?s).* received, ([0-9.]+)% packet loss.*", "$1"));
        assertTrue(loss >= 15 && loss <= 25, ping);
        phoenix.clear();
        phoenix.run("link");
        String link = phoenix.out();
        assertTrue(link.contains("\n      impair loss 20% seed 1\n"), link);
        assertEquals(200 - received, number(link, "impaired 200 counted: (\\d+) lost, 0 duplicated"), link);
        assertEquals(received, number(link, "over the limit; (\\d+) sent\n"), link);
        System.out.println("loss 20% seed 1, ping -c 200: " + ping.lines().filter(l -> l.contains("transmitted"))
                .findFirst().orElse("") + "\n" + link);
    }

    @Test
    void duplicatesAreDupLinesWithoutAWindowAndReplaysWithOne() throws InterruptedException {
        esp("");
        phoenix.run("link impair duplicate 50% seed 1");
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("ping -c 20 -i 0.02 -W 2 " + TwoHosts.CARDINAL));
        String noWindow = phoenix.out();
        long dups = noWindow.lines().filter(l -> l.endsWith(" ms (DUP!)")).count();
        assertTrue(dups > 0, noWindow);
        assertTrue(noWindow.contains("20 packets transmitted, 20 received, +" + dups + " duplicates, 0% packet loss"),
                noWindow);
        cardinal.clear();
        cardinal.run("netstat -s -p esp");
        assertEquals(0, number(cardinal.out(), "\\t(\\d+) possible replay packets? detected"), cardinal.out());

        phoenix.clear();
        phoenix.run("link");
        long firstCopies = number(phoenix.out(), "impaired \\d+ counted: 0 lost, (\\d+) duplicated");
        esp("-r 32");
        phoenix.run("link impair duplicate 50% seed 2"); // the counts start again
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("ping -c 20 -i 0.02 -W 2 " + TwoHosts.CARDINAL));
        String window = phoenix.out();
        assertFalse(window.contains("DUP!"), window);
        assertTrue(window.contains("20 packets transmitted, 20 received, 0% packet loss"), window);
        phoenix.clear();
        phoenix.run("link");
        long duplicated = number(phoenix.out(), "impaired \\d+ counted: 0 lost, (\\d+) duplicated");
        assertTrue(duplicated > 0, phoenix.out());
        // the last probe's copy may still be on its way when ping has its 20 replies
        String netstat = "";
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; ) {
            cardinal.clear();
            cardinal.run("netstat -s -p esp");
            netstat = cardinal.out();
            if (number(netstat, "\\t(\\d+) possible replay packets? detected") >= duplicated) {
                break;
            }
            Thread.sleep(20);
        }
        assertEquals(duplicated, number(netstat, "\\t(\\d+) possible replay packets? detected"), netstat);
        assertEquals(40 + firstCopies + duplicated, number(netstat, "\\t(\\d+) packets? in\\n"), netstat);
    }

    @Test
    void impairRefusesWhatNetemRefuses() {
        assertEquals(Outcome.FAILED, phoenix.run("link impair cardinal reorder 25%"));
        assertTrue(phoenix.err().contains("link impair: reordering not possible without specifying some delay"),
                phoenix.err());
        assertEquals(Outcome.FAILED, phoenix.run("link impair sparrow loss 5%"));
        assertTrue(phoenix.err().contains("link impair: no peer sparrow (peers: cardinal)"), phoenix.err());
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("link impair delay 10ms 2ms", "link impair off", "link"));
        assertTrue(phoenix.out().startsWith("link impair cardinal: delay 10ms 2ms seed "), phoenix.out());
        assertTrue(phoenix.out().contains("link impair cardinal: off\n"), phoenix.out());
        assertFalse(phoenix.out().contains("      impair "), phoenix.out());
    }

    @Test
    void rttIncludesTheDelay() {
        esp("");
        phoenix.run("link impair delay 20ms seed 1");
        phoenix.clear();
        assertEquals(Outcome.OK, phoenix.run("ping -c 3 -i 0.05 -W 2 " + TwoHosts.CARDINAL));
        String out = phoenix.out();
        Matcher rtt = Pattern.compile("rtt min/avg/max/mdev = ([0-9.]+)/").matcher(out);
        assertTrue(rtt.find(), out);
        assertTrue(Double.parseDouble(rtt.group(1)) >= 20.0, "every reply waited the 20 ms: " + out);
        assertTrue(out.contains("3 packets transmitted, 3 received, 0% packet loss"), out);
    }
}
