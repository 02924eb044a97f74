package org.jsetkey.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextWrapTest {
    @Test
    void aLongOptionRowWrapsUnderItsDescriptionColumn() {
        String row = "  -c N      probes to send (default: until Ctrl-C in the console, 4 from standard input)";
        assertEquals("  -c N      probes to send (default: until Ctrl-C in the console, 4 from\n"
                + "            standard input)\n", TextWrap.indented(row, 72));
    }

    @Test
    void anyOtherLongLineWrapsTwoDeeperThanItself() {
        String line = "  -P POLICY per-socket policy as FreeBSD ping takes it, e.g. -P \"out ipsec esp/transport//require\"";
        assertEquals("  -P POLICY per-socket policy as FreeBSD ping takes it, e.g. -P \"out\n"
                + "    ipsec esp/transport//require\"\n", TextWrap.indented(line, 72));
    }

    @Test
    void aLineThatFitsStaysAsItIs() {
        assertEquals("  -q        quiet\n", TextWrap.indented("  -q        quiet", 72));
    }
}
