package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Completion and help read from the grammar. */
class GrammarTest {

    @Test
    void statementNamesAtStartAndAfterSemicolon() {
        Expectation e = Grammar.expectedAt("");
        assertEquals(SlotKind.STATEMENT, e.kind());
        assertTrue(e.candidates().containsAll(List.of("add", "spdadd", "flush", "exit")));
        assertEquals(List.of("spdadd", "spdupdate", "spddelete", "spdflush", "spddump"),
                Grammar.expectedAt("flush; spd").candidates());
        assertEquals("spd", Grammar.expectedAt("flush; spd").partial());
    }

    @Test
    void slotsOfAdd() {
        assertEquals(SlotKind.AIFLAGS, Grammar.expectedAt("add ").kind());
        assertEquals(SlotKind.ADDRESS, Grammar.expectedAt("add 10.0.0.1 ").kind());
        Expectation proto = Grammar.expectedAt("add 10.0.0.1 10.0.0.2 e");
        assertEquals(SlotKind.SA_PROTOCOL, proto.kind());
        assertEquals(List.of("esp", "esp-old", "esp-udp"), proto.candidates());
        assertEquals(SlotKind.SPI, Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp ").kind());
        Expectation opts = Grammar.expectedAt("add 10.0.0.1 10.0.0.2 ah 300 ");
        assertTrue(opts.candidates().contains("-m"));
        assertTrue(opts.candidates().contains("-A"));
        assertFalse(opts.candidates().contains("-E"), opts.toString());
        assertEquals(List.of("-lh", "-ls"), Grammar.expectedAt("add 10.0.0.1 10.0.0.2 ah 300 -l").candidates());
        assertEquals(List.of("transport", "tunnel"),
                Grammar.expectedAt("add 10.0.0.1 10.0.0.2 ah 300 -m t").candidates());
    }

    @Test
    void algorithmsValidForTheProtocol() {
        Expectation ah = Grammar.expectedAt("add 10.0.0.1 10.0.0.2 ah 300 -A ");
        assertEquals(SlotKind.AUTH_ALGORITHM, ah.kind());
        assertTrue(ah.candidates().contains("hmac-sha2-256"));
        assertFalse(ah.candidates().contains("null"));
        assertFalse(ah.candidates().contains("tcp-md5"));
        assertEquals(List.of("tcp-md5"), Grammar.expectedAt("add 10.0.0.1 10.0.0.2 tcp 300 -A ").candidates());
        Expectation old = Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp-old 300 -E des-");
        assertEquals(List.of("des-cbc", "des-32iv"), old.candidates());
        Expectation key = Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp 300 -E aes-ctr ");
        assertEquals(SlotKind.KEY, key.kind());
        assertTrue(key.help().contains("20, 28 or 36 bytes"), key.help());
        assertEquals(List.of("-A", ";"), Grammar.expectedAt("add 10.0.0.1 10.0.0.2 esp 300 -E null ").candidates());
        assertEquals(List.of("deflate", "lzs", "oui"),
                Grammar.expectedAt("add 10.0.0.1 10.0.0.2 ipcomp 3 -C ").candidates());
    }

    @Test
    void policyParts() {
        assertEquals(List.of("in", "out", "fwd"), Grammar.expectedAt("spdadd 10.0.0.1 10.0.0.2 any -P ").candidates());
        assertEquals(List.of("-ctx", "-P"), Grammar.expectedAt("spdadd 10.0.0.1 10.0.0.2 any ").candidates());
        Expectation action = Grammar.expectedAt("spdadd 10.0.0.1 10.0.0.2 any -P out ");
        assertTrue(action.candidates().containsAll(List.of("ipsec", "discard", "none", "prio")));
        Expectation rule = Grammar.expectedAt("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//re");
        assertEquals(SlotKind.RULE, rule.kind());
        assertEquals(List.of("esp/transport//require"), rule.candidates());
        assertEquals(SlotKind.UPPERSPEC, Grammar.expectedAt("spdadd 10.0.0.1 10.0.0.2 ic").kind());
        assertEquals(List.of("icmp", "icmp6"), Grammar.expectedAt("spdadd 10.0.0.1 10.0.0.2 ic").candidates());
    }

    @Test
    void invalidPartialInputSaysWhy() {
        Expectation e = Grammar.expectedAt("add 10.0.0.300 ");
        assertEquals(SlotKind.INVALID, e.kind());
        assertEquals("invalid address \"10.0.0.300\"", e.help());
    }

    @Test
    void helpListsSlotsAndOptions() {
        String help = Grammar.help("add");
        assertTrue(help.startsWith("add [aiflags] <src> <dst> <protocol> <spi> [options] <algorithm> ;\n"), help);
        assertTrue(help.contains("-lh"));
        assertTrue(Grammar.help("spdadd").contains("<policy>"));
    }

    @Test
    void algorithmWordsAreTheOptionsThatComeWithTheAlgorithmPartForEveryProtocol() throws Exception {
        // read from several threads at once, as the console's completion and a script's parser may:
        // the cache fills itself without updating its map from inside another update
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (org.jsetkey.engine.setkey.stmt.SaProtocol p : org.jsetkey.engine.setkey.stmt.SaProtocol.values()) {
                        List<String> want = new java.util.ArrayList<>(Grammar.optionWords(p, true));
                        want.removeAll(Grammar.optionWords(p, false));
                        assertEquals(want, Grammar.algorithmWords(p), p.name());
                        assertTrue(want.stream().allMatch(w -> w.equals("-E") || w.equals("-A") || w.equals("-C")), p.name());
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : runs) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
