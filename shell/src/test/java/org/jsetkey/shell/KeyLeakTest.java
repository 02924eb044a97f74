package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * No key appears anywhere but in dump, get and save output: not in errors, monitor and -v text,
 * traces (also decrypting ones), explanations, Groovy events and error messages.
 */
class KeyLeakTest {
    private static final String P = TwoHosts.PHOENIX;
    private static final String C = TwoHosts.CARDINAL;
    private static final String ENC = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String AUTH = "5e17c0de5e17c0de5e17c0de5e17c0de5e17c0de";
    private static final String TEXT_KEY = "Sup3rS3cretPassw0rd!";
    private static final String WRONG = "0badc0de0badc0de0badc0de0badc0de0badc0de";

    /** Every form a key could leak in: the hex (either case, with and without 0x), the text and its hex. */
    private static List<String> secrets() {
        List<String> l = new ArrayList<>();
        for (String hex : List.of(ENC, AUTH, WRONG, HexFormat.of().formatHex(TEXT_KEY.getBytes(StandardCharsets.UTF_8)))) {
            l.add(hex.substring(0, 16));
            l.add(hex.substring(hex.length() - 16));
        }
        l.add(TEXT_KEY);
        l.add(TEXT_KEY.substring(0, 8));
        return l;
    }

    static void assertNoKey(String what, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String s : secrets()) {
            assertFalse(lower.contains(s.toLowerCase(Locale.ROOT)), what + " shows key material " + s + ":\n" + text);
        }
        // the hex dumps of tcpdump -x style output group bytes: look for the first four bytes spaced too
        assertFalse(lower.contains("a1b2 c3d4") || lower.contains("a1 b2 c3 d4"), what + ":\n" + text);
    }

    private static String sas(String authKey) {
        return String.join("\n",
                "add " + P + " " + C + " esp 0x1000 -m transport -E aes-cbc 0x" + ENC + " -A hmac-sha1 0x" + AUTH + ";",
                "add " + C + " " + P + " esp 0x1001 -m transport -E aes-cbc 0x" + ENC + " -A hmac-sha1 0x" + authKey + ";",
                "add " + P + " " + C + " ah 0x2000 -m transport -A hmac-sha1 \"" + TEXT_KEY + "\";",
                "add " + C + " " + P + " ah 0x2001 -m transport -A hmac-sha1 \"" + TEXT_KEY + "\";");
    }

    @Test
    void keysStayOutOfEverythingButDumps() throws Exception {
        try (TwoHosts lab = TwoHosts.v4()) {
            LabHost phoenix = lab.phoenix;
            LabHost cardinal = lab.cardinal;
            for (LabHost h : List.of(phoenix, cardinal)) {
                h.run(h == phoenix ? "monitor -d -x" : "monitor -d", "tcpdump -d -v");
                h.run("groovy on('add') { e -> println \"event ${e}\" }; on('drop') { e -> println \"drop ${e}\" }; null");
            }
            phoenix.setkey(sas(AUTH));
            cardinal.setkey(sas(AUTH));
            for (LabHost h : List.of(phoenix, cardinal)) {
                h.setkey("spdadd " + P + " " + C + " any -P out ipsec esp/transport//require ah/transport//require;");
                h.setkey("spdadd " + C + " " + P + " any -P out ipsec esp/transport//require ah/transport//require;");
            }
            phoenix.run("ping -c 2 -i 0.2 -W 1 " + C);
            // now cardinal sends with another key: phoenix drops and explains
            cardinal.setkey("update " + C + " " + P + " esp 0x1001 -m transport -E aes-cbc 0x" + ENC
                    + " -A hmac-sha1 0x" + WRONG + ";");
            cardinal.run("ping -c 2 -i 0.2 -W 1 " + P);
            Thread.sleep(300);
            for (LabHost h : List.of(phoenix, cardinal)) {
                h.run("explain 10", "netstat -s", "link", "groovy sad.collect { it.toString() }",
                        "groovy host.engine.sad().snapshot().toString()");
                // statements with key errors: the excerpt masks the key, the message never repeats it
                h.run("add " + P + " " + C + " esp 0x3000 -E aes-cbc 0x" + ENC + "ff;",
                        "add " + P + " " + C + " esp 0x3001 -E aes-cbc 0x" + ENC + " -A hmac-sha1 0x" + AUTH + "9;",
                        "add " + P + " " + C + " esp 0x3002 -E aes-cbc 0x" + ENC.substring(0, 30) + "zz;",
                        "add " + P + " " + C + " esp 0x3003 -E aes-cbc " + TEXT_KEY.replace("!", "") + ";",
                        "add " + P + " " + C + " esp 0x1000 -E aes-cbc 0x" + ENC + " -A hmac-sha1 0x" + AUTH + ";",
                        "add " + P + " " + C + " esp 0x3004 -E aes-cbc \"" + TEXT_KEY + "\";",
                        "add " + P + " " + C + " esp 0x3005 -E aes-cbc 0x" + ENC + " -A hmac-sha1 0x" + AUTH,
                        "  -lh nonsense;",
                        "groovy setkey('add " + P + " " + C + " esp 0x3006 -E aes-cbc 0x" + ENC + "ff;')",
                        "groovy new org.jsetkey.engine.sad.SecurityAssociation(null, null, null, 0, null, 0, 0, 0, null, "
                                + "'" + TEXT_KEY + "'.bytes, null, null, null, null, null, null)");
            }
            Thread.sleep(300);
            String phoenixText = phoenix.out() + phoenix.err();
            String cardinalText = cardinal.out() + cardinal.err();
            // the run did what it should: traffic, decrypted trace, drops explained, errors reported
            assertTrue(phoenixText.contains("2 received"), phoenixText);
            assertTrue(cardinalText.contains("ICMP echo request"), cardinalText);
            assertTrue(phoenixText.contains("drop [type:drop"), phoenixText);
            assertTrue(phoenixText.contains("AUTH_FAILED"), phoenixText);
            assertTrue(phoenixText.contains("File exists"), phoenixText);
            assertTrue(cardinalText.contains("ADD esp 192.0.2.10 > 198.51.100.20 spi=4096"), cardinalText);
            assertTrue(phoenixText.contains("needs 16, 24 or 32 bytes, got 17"), phoenixText);
            assertTrue(phoenixText.contains("event [type:add"), phoenixText);
            assertTrue(phoenixText.contains("sadb_msg{ version=2 type=3(ADD)"), phoenixText);
            assertTrue(phoenixText.contains("0x********************************;"), "the excerpt masks the key:\n"
                    + phoenixText);
            assertNoKey("phoenix's console", phoenixText);
            assertNoKey("cardinal's console", cardinalText);
            // dump shows keys, as setkey -D does: the check above would have caught them
            phoenix.clear();
            phoenix.run("dump esp");
            assertTrue(phoenix.out().contains(ENC.substring(0, 8)), phoenix.out());
        }
    }

    @Test
    void verboseAndCheckModesShowNoKey() {
        InProcessRun r = InProcessRun.of(sas(AUTH) + "\n", "-v", "-c");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("sadb_msg{ version=2 type=3(ADD)"), r.out());
        assertNoKey("-v -c", r.out() + r.err());
        r = InProcessRun.of(sas(AUTH).replace(ENC, ENC + "ff") + "\n", "-v", "-c");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("got 17"), r.err());
        assertNoKey("-v -c with an error", r.out() + r.err());
    }
}
