package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.crypto.KeySizes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every keyed algorithm of the table: its key lengths are accepted, their neighbours refused. */
class KeyLengthTest {

    static Stream<Algorithm> keyed() {
        return Algorithms.all().stream().filter(a -> !a.keyless());
    }

    private static String statement(Algorithm a, int bytes) {
        String key = "0x" + "ab".repeat(bytes);
        if (a.kind() == AlgorithmKind.ENCRYPT) {
            String proto = a.name().equals("des-32iv") ? "esp-old" : "esp";
            return "add 10.0.0.1 10.0.0.2 " + proto + " 1000 -E " + a.name() + " " + key + ";";
        }
        String proto = a.name().equals("tcp-md5") ? "tcp" : "ah";
        return "add 10.0.0.1 10.0.0.2 " + proto + " 1000 -A " + a.name() + " " + key + ";";
    }

    private static List<Integer> acceptedBytes(KeySizes s) {
        List<Integer> l = new ArrayList<>();
        if (!s.exact().isEmpty()) {
            s.exact().forEach(b -> l.add(b / 8));
        } else {
            l.add(s.minBits() / 8);
            l.add((s.minBits() + s.maxBits()) / 16);
            l.add(s.maxBits() / 8);
        }
        return l;
    }

    @ParameterizedTest
    @MethodSource("keyed")
    void acceptsEveryValidLength(Algorithm a) {
        for (int bytes : acceptedBytes(a.keySizes())) {
            Parser.Result r = Parser.parse(statement(a, bytes), "k");
            assertFalse(r.hasErrors(), a + " " + bytes + ": " + r.diagnostics());
        }
    }

    @ParameterizedTest
    @MethodSource("keyed")
    void refusesNeighbours(Algorithm a) {
        for (int bytes : acceptedBytes(a.keySizes())) {
            for (int n : new int[] {bytes - 1, bytes + 1}) {
                if (n <= 0 || a.keySizes().accepts(n * 8)) {
                    continue;
                }
                String text = statement(a, n);
                Parser.Result r = Parser.parse(text, "k");
                assertTrue(r.hasErrors(), a + " accepted " + n + " bytes");
                Diagnostic d = r.diagnostics().get(0);
                assertEquals(a.name() + " needs " + a.keySizes().describeBytes() + ", got " + n, d.message());
                assertEquals(text.indexOf("0x") + 1, d.pos().column());
            }
        }
    }
}
