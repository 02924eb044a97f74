package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Mutated setkey files (seeded from the project's profiles, the independent vectors and a
 * statement of each shape in the reference) either load, and then what they loaded saves and
 * reloads to the same databases, or get positioned errors and change nothing; never an
 * exception. {@code -Djsetkey.fuzz.parser.cases=N} (default 10,000) and
 * {@code -Djsetkey.fuzz.seed=S} choose the run.
 */
class ParserFuzzTest {
    private static final String BASE = "add 10.9.0.1 10.9.0.2 esp 0x9001 -E null;\n"
            + "add 10.9.0.2 10.9.0.1 ah 0x9002 -A hmac-sha1 \"01234567890123456789\";\n"
            + "spdadd 10.9.0.1 10.9.0.2 any -P out ipsec esp/transport//require;\n";

    static List<String> seeds() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String name : List.of("vectors/aes-cbc-sha256.conf", "vectors/aes-gcm.conf", "vectors/freebsd-howto.conf",
                "vectors/tunnel-esp.conf", "fuzz/features.conf")) {
            try (InputStream in = ParserFuzzTest.class.getResourceAsStream("/" + name)) {
                seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Path scripts = Path.of("").toAbsolutePath().getParent().resolve("scripts");
        try (Stream<Path> profiles = Files.list(scripts)) {
            for (Path dir : profiles.sorted().toList()) {
                Path conf = dir.resolve("ipsec.conf");
                if (Files.isRegularFile(conf)) {
                    seeds.add(Files.readString(conf));
                }
            }
        }
        // each statement alone too: small cases reach deeper into one statement
        List<String> single = new ArrayList<>();
        for (String s : seeds) {
            for (String st : s.split(";")) {
                if (!st.isBlank()) {
                    single.add(st.strip() + ";");
                }
            }
        }
        seeds.addAll(single);
        return seeds;
    }

    private static Lab base() {
        Lab lab = new Lab();
        lab.ok(BASE);
        lab.output.setLength(0);
        return lab;
    }

    @Test
    void mutatedFilesLoadCorrectlyOrFailAtAPositionChangingNothing() throws IOException {
        int cases = Integer.getInteger("jsetkey.fuzz.parser.cases", 10_000);
        long seed = Long.getLong("jsetkey.fuzz.seed", 20261201L);
        List<String> seeds = seeds();
        assertTrue(seeds.size() > 50, "seed corpus: " + seeds.size());
        Mutator mutator = new Mutator(seed, seeds);
        Lab lab = base();
        String before = lab.state();
        int accepted = 0;
        int rejected = 0;
        int refused = 0;
        for (int i = 0; i < cases; i++) {
            if (i > 0 && i % 50_000 == 0) {
                System.out.printf("parser fuzz: %d cases passed%n", i);
            }
            String text = mutator.next();
            lab.diagnostics.clear();
            SetkeyResult r;
            try {
                r = lab.run(text);
            } catch (Throwable t) {
                throw new AssertionError("case " + i + " (seed " + seed + ") threw " + t + " on:\n" + text, t);
            }
            checkDiagnostics(i, text, lab.diagnostics);
            if (r.applied() == 0) {
                if (!lab.state().equals(before)) {
                    fail("case " + i + " (seed " + seed + ") applied nothing but changed the databases:\n" + text);
                }
                if (r.failed()) {
                    rejected++;
                }
                continue;
            }
            if (r.failed()) {
                refused++;
            } else {
                accepted++;
            }
            checkReload(i, text, lab);
            lab = base();
            before = lab.state();
        }
        System.out.printf("parser fuzz: %d cases (seed %d): %d loaded, %d partly refused at apply time,"
                + " %d rejected with positioned errors%n", cases, seed, accepted, refused, rejected);
        assertTrue(accepted > cases / 100 && rejected > cases / 10, "the mutations should reach both outcomes: "
                + accepted + " loaded, " + rejected + " rejected");
    }

    /** Every error points into the text and says something; none is an exception's text. */
    private static void checkDiagnostics(int i, String text, List<Diagnostic> diagnostics) {
        int lines = text.split("\r?\n", -1).length;
        for (Diagnostic d : diagnostics) {
            String where = "case " + i + ": " + d.format() + "\non:\n" + text;
            if (d.severity() == Diagnostic.Severity.INFO) {
                continue;
            }
            assertTrue(d.pos().line() >= 1 && d.pos().line() <= lines, "line out of the text: " + where);
            assertTrue(d.pos().column() >= 1, "column: " + where);
            assertTrue(!d.message().isBlank(), "empty message: " + where);
            for (String trace : List.of("Exception", "java.", "\tat ")) {
                assertTrue(!d.message().contains(trace) || text.contains(trace), "internal text in: " + where);
            }
            assertTrue(!d.message().equals("null") && !d.message().endsWith(": null"), "no message: " + where);
            d.format();
        }
    }

    /** What a case loaded, saved as setkey text and loaded again, gives the same databases. */
    private static void checkReload(int i, String text, Lab lab) {
        String saved = ConfigWriter.write(lab.sad, lab.spd);
        Lab again = new Lab();
        again.run(saved);
        assertEquals(List.of(), again.errors(), "case " + i + ": the saved state does not load:\n" + saved
                + "\nfrom:\n" + text);
        assertEquals(sorted(lab.state()), sorted(again.state()), "case " + i + ": reload differs; from:\n" + text);
    }

    private static List<String> sorted(String dump) {
        return dump.lines().filter(l -> !l.contains("seq=") && !l.contains("pid=")).sorted().toList();
    }
}
