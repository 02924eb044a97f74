package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each error class: the message, where it points, and that nothing changed. */
class ErrorTest {
    private static final String SETUP = "add 10.0.0.1 10.0.0.2 esp 1000 -E 3des-cbc \"123456789012345678901234\";\n"
            + "spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require;\n";

    private Lab lab;
    private String before;

    @BeforeEach
    void setUp() {
        lab = new Lab();
        lab.ok(SETUP);
        before = lab.state();
    }

    private Diagnostic fails(String text, int line, int column, String message) {
        SetkeyResult r = lab.run(text);
        assertTrue(r.failed());
        Diagnostic d = lab.onlyError();
        assertEquals(message, d.message());
        assertEquals(line, d.pos().line(), d.format());
        assertEquals(column, d.pos().column(), d.format());
        assertEquals("test.conf", d.pos().file());
        assertEquals(before, lab.state(), "the databases changed");
        return d;
    }

    @Test
    void unknownStatementWord() {
        Diagnostic d = fails("flush;\nADD 10.0.0.1 10.0.0.2 esp 2000 -E null;", 2, 1,
                "unknown statement \"ADD\" (statement words are lower case)");
        assertTrue(d.expected().contains("add"));
        assertEquals(0, lab.run("dump;").applied() - 1);
    }

    @Test
    void emptyStatementsAreSyntaxErrorsAsInSetkey() {
        Diagnostic d = fails("flush;;", 1, 7, "syntax error at \";\": empty statement");
        assertTrue(d.expected().contains("add"), d.expected().toString());
        lab.diagnostics.clear();
        fails(";", 1, 1, "syntax error at \";\": empty statement");
        lab.diagnostics.clear();
        fails("flush;\n  ;\n", 2, 3, "syntax error at \";\": empty statement");
    }

    @Test
    void missingSemicolonPointsAtNextStatement() {
        Diagnostic d = fails("flush\nspdflush;", 2, 1, "missing \";\" before \"spdflush\"");
        assertEquals(List.of(";"), d.expected());
    }

    @Test
    void missingSemicolonAtEnd() {
        fails("add 10.0.0.1 10.0.0.2 esp 3000 -E null", 1, 39, "missing \";\" before end of input");
    }

    @Test
    void missingSemicolonBeforeTrailingBlankLinesPointsAtTheStatement() {
        fails("add 10.0.0.1 10.0.0.2 esp 3000 -E null\n\n\n", 1, 39, "missing \";\" before end of input");
    }

    @Test
    void badAddress() {
        Diagnostic d = fails("add 10.0.0.256 10.0.0.2 esp 2000 -E null;", 1, 5, "invalid address \"10.0.0.256\"");
        assertEquals(10, d.pos().length());
        assertEquals("test.conf:1:5: invalid address \"10.0.0.256\"\n"
                + "add 10.0.0.256 10.0.0.2 esp 2000 -E null;\n"
                + "    ^" + "~".repeat(9), d.format());
    }

    @Test
    void aProtocolWhereTheAddressesBelongSaysTheyAreMissing() {
        fails("add ah 24500 -A hmac-md5 \"1234567890123456\";", 1, 5,
                "missing source and destination addresses before \"ah\"");
        setUp();
        fails("delete 10.0.0.1 esp 2000;", 1, 17, "missing destination address before \"esp\"");
        setUp();
        fails("get esp-old 2000;", 1, 5, "missing source and destination addresses before \"esp-old\"");
    }

    @Test
    void bareIntegerIsNotAnAddress() {
        fails("add 167772161 10.0.0.2 esp 2000 -E null;", 1, 5, "invalid address \"167772161\"");
    }

    @Test
    void badPrefix() {
        Diagnostic d = fails("spdadd 10.0.0.0/33 10.0.0.2 any -P out none;", 1, 17, "invalid prefix length \"33\"");
        assertEquals(List.of("0-32"), d.expected());
    }

    @Test
    void portTooLarge() {
        fails("spdadd 10.0.0.1[70000] 10.0.0.2 tcp -P out none;", 1, 17, "invalid port \"70000\"");
    }

    @Test
    void oddHexDigits() {
        fails("add 10.0.0.1 10.0.0.2 ah 2000 -A hmac-md5 0x0123456789abcdef0123456789abcde;", 1, 43,
                "odd number of hex digits (31) in key");
    }

    @Test
    void unterminatedString() {
        fails("add 10.0.0.1 10.0.0.2 ah 2000\n  -A hmac-md5 \"1234567890123456;\n", 2, 15, "unterminated string");
    }

    @Test
    void unknownCharacter() {
        fails("flush @;", 1, 7, "unexpected character \"@\"");
    }

    @Test
    void unknownOption() {
        fails("add 10.0.0.1 10.0.0.2 esp 2000 -x 1 -E null;", 1, 32, "unknown option \"-x\"");
    }

    @Test
    void wrongKeyLength() {
        fails("add 10.0.0.1 10.0.0.2 ah 2000 -A hmac-sha2-256 \"12345678901234567890\";", 1, 48,
                "hmac-sha2-256 needs 32 bytes, got 20");
    }

    @Test
    void keyLengthErrorsNameTheAlgorithmAsTyped() {
        fails("add 10.0.0.1 10.0.0.2 esp 2000 -E aes-cbc 0x0011;", 1, 43, "aes-cbc needs 16, 24 or 32 bytes, got 2");
        lab.diagnostics.clear();
        fails("add 10.0.0.1 10.0.0.2 esp 2000 -E rijndael-cbc 0x0011;", 1, 48,
                "rijndael-cbc needs 16, 24 or 32 bytes, got 2");
    }

    @Test
    void duplicatePolicyReadsAnOutPolicy() {
        SetkeyResult r = lab.run("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require;");
        assertEquals(1, r.errors());
        assertEquals("File exists: an out policy with this selector already exists", lab.onlyError().message());
    }

    @Test
    void reservedSpi() {
        Diagnostic d = fails("add 10.0.0.1 10.0.0.2 esp 255 -E null;", 1, 27,
                "invalid SPI 255: 0-255 are reserved for esp");
        assertEquals(List.of("256-4294967295"), d.expected());
    }

    @Test
    void spiTooBig() {
        fails("add 10.0.0.1 10.0.0.2 esp 0x100000000 -E null;", 1, 27, "SPI too big.");
        lab.diagnostics.clear();
        fails("add 10.0.0.1 10.0.0.2 esp 4294967296 -E null;", 1, 27, "SPI too big.");
    }

    @Test
    void unknownAlgorithmListsValidOnes() {
        Diagnostic d = fails("add 10.0.0.1 10.0.0.2 esp 2000 -E aes-cbcc 0x00;", 1, 35,
                "unknown encryption algorithm \"aes-cbcc\"");
        assertTrue(d.expected().contains("aes-cbc"));
        assertTrue(d.expected().contains("des-deriv"));
        assertFalse(d.expected().contains("des-32iv"));
        assertTrue(d.headline().startsWith("test.conf:1:35: unknown encryption algorithm \"aes-cbcc\" (expected: "));
    }

    @Test
    void duplicateSaIsRefusedAtApplyTime() {
        String sadBefore = lab.setkey.dumpSad(true);
        SetkeyResult r = lab.run("spdflush;\n  add 10.0.0.1 10.0.0.2 esp 1000 -E null;\nspddump;");
        assertEquals(2, r.applied());
        Diagnostic d = lab.onlyError();
        assertTrue(d.message().startsWith("File exists"), d.message());
        assertEquals(2, d.pos().line());
        assertEquals(3, d.pos().column());
        assertEquals(sadBefore, lab.setkey.dumpSad(true), "the old SA is untouched");
        assertEquals("No SPD entries.\n", lab.output.toString());
    }

    @Test
    void getAndDeleteOfMissingSa() {
        SetkeyResult r = lab.run("get 10.0.0.1 10.0.0.2 esp 1001;\ndelete 10.0.0.1 10.0.0.2 esp 1001;\n"
                + "delete 10.0.0.9 10.0.0.2 esp 1000;");
        assertEquals(3, r.errors());
        for (int i = 0; i < 3; i++) {
            Diagnostic d = lab.errors().get(i);
            assertTrue(d.message().startsWith("No entry"), d.message());
            assertEquals(i + 1, d.pos().line());
            assertEquals(1, d.pos().column());
        }
        assertEquals(before, lab.state());
    }

    @Test
    void updateOfMissingSa() {
        lab.run("update 10.0.0.1 10.0.0.2 esp 1001 -E null;");
        assertTrue(lab.onlyError().message().startsWith("No entry"));
        assertEquals(before, lab.state());
    }

    @Test
    void spddeleteOfMissingPolicy() {
        lab.run("spddelete 10.0.0.1 10.0.0.2 any -P in;");
        assertTrue(lab.onlyError().message().startsWith("No entry"));
        assertEquals(before, lab.state());
    }

    @Test
    void allSyntaxErrorsReportedAndNothingApplied() {
        SetkeyResult r = lab.run("flush;\nadd 10.0.0.1 10.0.0.2 esp 100 -E null;\nspdflush;\n"
                + "spdadd 10.0.0.1 10.0.0.2 any -P sideways none;\nspdflush esp;\n");
        assertEquals(3, r.errors());
        assertEquals(0, r.applied());
        List<Diagnostic> e = lab.errors();
        assertEquals(2, e.get(0).pos().line());
        assertEquals(4, e.get(1).pos().line());
        assertEquals("Invalid direction \"sideways\"", e.get(1).message());
        assertEquals(5, e.get(2).pos().line());
        assertEquals(10, e.get(2).pos().column());
        assertEquals(before, lab.state());
    }

    @Test
    void mixedFamilies() {
        fails("add 10.0.0.1 2001:db8::1 esp 2000 -E null;", 1, 14,
                "Family mismatch: \"10.0.0.1\" and \"2001:db8::1\" are not the same address family");
    }

    @Test
    void prefixInSaStatement() {
        fails("delete 10.0.0.1/32 10.0.0.2 esp 1000;", 1, 16,
                "unexpected \"/\": SA addresses take no prefix length");
    }

    @Test
    void failedStatementLeavesLaterOnesRunning() {
        SetkeyResult r = lab.run("delete 10.0.0.1 10.0.0.2 esp 999;\nflush;");
        assertEquals(1, r.errors());
        assertEquals(1, r.applied());
        assertEquals("No SAD entries.\n", lab.setkey.dumpSad(false));
    }
}
