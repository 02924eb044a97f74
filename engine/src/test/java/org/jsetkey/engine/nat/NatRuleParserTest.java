package org.jsetkey.engine.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** pf's {@code nat on IF from SRC to any -> ADDR}: accepted as pf.conf writes it, errors at their column. */
class NatRuleParserTest {
    @Test
    void readsAndWritesPfsForm() throws Exception {
        NatRule r = NatRuleParser.parse("nat on lnk0 from 10.0.1.0/24 to any -> 203.0.113.1");
        assertEquals("nat on lnk0 from 10.0.1.0/24 to any -> 203.0.113.1", r.format());
        assertEquals("nat on lnk0 from 10.0.1.10 to any -> 203.0.113.1",
                NatRuleParser.parse("  nat  on lnk0 from 10.0.1.10 to any -> 203.0.113.1 ").format());
    }

    private static NatSyntaxError error(String line) {
        return assertThrows(NatSyntaxError.class, () -> NatRuleParser.parse(line));
    }

    @Test
    void errorsSayWhereAndWhat() {
        NatSyntaxError e = error("nat on lnk0 from 10.0.1.0/24 to 10.9.9.9 -> 203.0.113.1");
        assertEquals("unexpected \"10.9.9.9\": expected \"any\"", e.getMessage());
        assertEquals(33, e.column());
        e = error("nat on lnk0 from 10.0.1.0/33 to any -> 203.0.113.1");
        assertEquals("invalid prefix length \"33\"", e.getMessage());
        assertEquals(27, e.column());
        e = error("nat on lnk0 from 10.0.1.0/24 to any ->");
        assertEquals("missing translation address", e.getMessage());
        assertEquals(40, e.column());
        e = error("nat on lnk0 from 2001:db8::/64 to any -> 203.0.113.1");
        assertEquals("invalid source \"2001:db8::/64\": an IPv4 address or network", e.getMessage());
        e = error("rdr on lnk0 from 10.0.1.0/24 to any -> 203.0.113.1");
        assertEquals("unexpected \"rdr\": expected \"nat\"", e.getMessage());
        assertEquals(1, e.column());
    }
}
