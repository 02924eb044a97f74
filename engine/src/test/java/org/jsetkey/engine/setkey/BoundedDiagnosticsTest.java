package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile input costs a screen of errors, not gigabytes: bounded, cut, escaped, linear. */
class BoundedDiagnosticsTest {
    private static final String SETUP = "add 10.0.0.1 10.0.0.2 esp 1000 -E 3des-cbc \"123456789012345678901234\";\n"
            + "spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require;\n";
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    private Lab lab;
    private String before;

    @BeforeEach
    void setUp() {
        lab = new Lab();
        lab.ok(SETUP);
        before = lab.state();
    }

    private String printed() {
        return String.join("\n", lab.formatted()) + "\n";
    }

    @Test
    void hundredKilobytesOfNulStopAfterTwentyErrors() {
        String nul = "\0".repeat(100_000);
        SetkeyResult r = assertTimeoutPreemptively(GENEROUS, () -> lab.run(nul));
        assertTrue(r.failed());
        assertEquals(21, lab.diagnostics.size());
        assertEquals("test.conf:1:1: unexpected character \"\\x00\"\n"
                + "\\x00".repeat(25) + "…\n"
                + "^~~~", lab.formatted().get(0));
        assertEquals("test.conf: too many errors; stopping", lab.formatted().get(20));
        assertTrue(printed().length() < 10_000, printed().length() + " characters");
        assertEquals(before, lab.state());
    }

    @Test
    void randomBytesAreEscapedAndBounded() {
        byte[] junk = new byte[100_000];
        new Random(24).nextBytes(junk);
        String text = RawText.decode(junk);
        assertTimeoutPreemptively(GENEROUS, () -> lab.run(text));
        String out = printed();
        assertTrue(out.length() < 10_000, out.length() + " characters");
        assertTrue(out.endsWith("test.conf: too many errors; stopping\n"), out);
        for (char c : out.toCharArray()) {
            assertTrue(c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f && (c < 0x80 || c >= 0xa0)
                    && RawText.escapedByte(c) < 0, "raw control character " + (int) c + " in " + out);
        }
        assertEquals(before, lab.state());
    }

    @Test
    void twentyMegabyteJunkLineIsShownAroundTheColumn() {
        StringBuilder sb = new StringBuilder(20_000_000);
        Random random = new Random(7);
        String[] words = {"add", "-E", "0x1234", "esp", "10.0.0.1", "bogus", ";", "-Q", "\u001b[31m", "\0"};
        while (sb.length() < 20_000_000) {
            sb.append(words[random.nextInt(words.length)]).append(' ');
        }
        String line = sb.toString();
        assertTimeoutPreemptively(GENEROUS, () -> lab.run(line));
        String out = printed();
        assertTrue(out.length() < 10_000, out.length() + " characters");
        assertTrue(out.endsWith("test.conf: too many errors; stopping\n"), out);
        assertTrue(out.contains("\\e[31m"), out);
        assertEquals(before, lab.state());
    }

    @Test
    void longLineIsCutAroundTheColumnWithMarks() {
        String line = "flush; " + "# " + "x".repeat(200) + "\n" + "a".repeat(150) + " bogus " + "b".repeat(150) + ";";
        lab.run(line);
        Diagnostic d = lab.onlyError();
        assertEquals("test.conf:2:1: unknown statement \"" + "a".repeat(40) + "…\" (expected: add, update, get, delete,"
                + " deleteall, flush, dump, spdadd, spdupdate, spddelete, spdflush, spddump, exit, quit, bye)\n"
                + "a".repeat(100) + "…\n"
                + "^" + "~".repeat(99), d.format());
        lab.diagnostics.clear();
        lab.run("flush;\n" + "add 10.0.0.1 10.0.0.2 esp 2000 -m transport" + " ".repeat(300)
                + "-E 3des-cbc \"123456789012345678901234\" bogus;");
        assertEquals("test.conf:2:383: syntax error at \"bogus\": nothing more may follow in add (expected: ;)\n"
                + "…" + " ".repeat(55) + "-E 3des-cbc \"************************\" bogus;\n"
                + " ".repeat(95) + "^~~~~", lab.onlyError().format());
        assertEquals(before, lab.state());
    }

    @Test
    void controlCharactersAndUndecodableBytesAreEscaped() {
        String text = RawText.decode("flush;\n\u001b[2J bogus \u00ff;\n".getBytes(StandardCharsets.ISO_8859_1));
        lab.run(text);
        assertEquals("test.conf:2:1: unexpected character \"\\e\"\n"
                + "\\e[2J bogus \\xff;\n"
                + "^~", lab.formatted().get(0));
        assertEquals(before, lab.state());
    }

    @Test
    void stringAcrossALineBreakGetsANoteAndTheUnterminatedOnePointsBack() {
        String text = "add 10.0.0.1 10.0.0.2 esp 2000 -E 3des-cbc \"123456789012345678901234\" -A hmac-md5 ex\";\n"
                + "add 10.0.0.1 10.0.0.2 esp 2001 -A hmac-md5 \"0123456789abcdef\";\n"
                + "bogus;\n";
        lab.run(text);
        assertEquals(List.of(
                "test.conf:1:85: warning: string runs across a line break: it opens here and closes at 2:44\n"
                        + "add 10.0.0.1 10.0.0.2 esp 2000 -E 3des-cbc \"************************\" -A hmac-md5 **\";\n"
                        + " ".repeat(84) + "^",
                "test.conf:2:61: unterminated string; the string opened at 1:85 ran across the line break and"
                        + " closed at 2:44, so the quote here opens a new one\n"
                        + "add 10.0.0.1 10.0.0.2 esp 2001 -A hmac-md5 \"****************\";\n"
                        + "                                                            ^"), lab.formatted());
        assertEquals(before, lab.state());
    }

    @Test
    void aQuotedStringAcrossALineBreakStaysLegal() {
        lab.run("add 10.0.0.1 10.0.0.2 esp 2000 -E 3des-cbc \"123456789012\n34567890123\";");
        assertEquals(List.of(), lab.errors());
        assertEquals("test.conf:1:44: warning: string runs across a line break: it opens here and closes at 2:12",
                lab.diagnostics.get(0).headline());
        assertTrue(lab.state().contains("spi=2000(0x000007d0)"), lab.state());
    }

    @Test
    void morePoliciesRequestsThanTheKernelHoldsAreRefused() {
        String rule = " esp/transport//require";
        lab.run("spdadd 10.0.0.3 10.0.0.4 any -P out ipsec" + rule.repeat(50_000) + ";");
        Diagnostic d = lab.onlyError();
        assertEquals("Invalid argument: too many ipsecrequests: 50000 in one policy, at most 4 (IPSEC_MAXREQ)",
                d.message());
        assertTrue(d.format().split("\n")[1].length() < 110, d.format());
        assertEquals(before, lab.state());
        lab.diagnostics.clear();
        lab.ok("spdadd 10.0.0.3 10.0.0.4 any -P out ipsec" + rule.repeat(4) + ";");
    }

    @Test
    void rawTextKeepsEveryUndecodableByte() {
        String s = RawText.decode(new byte[] {'a', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, (byte) 0x80, 'b'});
        assertEquals("a\u00e9\\xff\\x80b", Excerpt.escape(s));
    }

    @Test
    void refusalsPastTheLimitAreAppliedAndCountedButNotShown() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append("delete 10.0.0.1 10.0.0.2 esp ").append(5000 + i).append(";\n");
        }
        sb.append("add 10.0.0.1 10.0.0.2 esp 6000 -E null;\n");
        SetkeyResult r = lab.run(sb.toString());
        assertEquals(30, r.errors());
        assertEquals(1, r.applied());
        assertEquals(21, lab.diagnostics.size());
        assertEquals("test.conf: too many errors; 10 more not shown", lab.formatted().get(20));
        assertTrue(lab.state().contains("spi=6000(0x00001770)"), lab.state());
    }
}
