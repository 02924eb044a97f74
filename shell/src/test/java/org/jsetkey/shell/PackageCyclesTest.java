package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package structure: no two packages of the program use each other, directly, and the
 * engine uses nothing of the shell. Reads the sources of both modules (imports and fully
 * qualified names outside comments).
 */
class PackageCyclesTest {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.jsetkey(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"");

    @Test
    void noTwoPackagesUseEachOther() {
        Map<String, Set<String>> uses = uses();
        assertTrue(uses.keySet().size() > 20, "sources found: " + uses.keySet());
        List<String> cycles = new ArrayList<>();
        uses.forEach((p, used) -> used.forEach(q -> {
            if (p.compareTo(q) < 0 && uses.getOrDefault(q, Set.of()).contains(p)) {
                cycles.add(p + " <-> " + q);
            }
        }));
        assertEquals(List.of(), cycles);
    }

    @Test
    void theEngineUsesNothingOfTheShell() {
        List<String> wrong = new ArrayList<>();
        uses().forEach((p, used) -> used.forEach(q -> {
            if (p.startsWith("org.jsetkey.engine") && q.startsWith("org.jsetkey.shell")) {
                wrong.add(p + " -> " + q);
            }
        }));
        assertEquals(List.of(), wrong);
    }

    @Test
    void aPairOfPackagesThatUseEachOtherIsFound() {
        Map<String, Set<String>> uses = new TreeMap<>();
        record("package org.jsetkey.a;\nimport org.jsetkey.b.B;\nclass A { }\n", uses);
        record("package org.jsetkey.b;\nclass B { org.jsetkey.a.A a; // org.jsetkey.c.C\n}\n", uses);
        assertEquals(Map.of("org.jsetkey.a", Set.of("org.jsetkey.b"), "org.jsetkey.b", Set.of("org.jsetkey.a")), uses);
    }

    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../engine/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    record(Files.readString(f, StandardCharsets.UTF_8), uses);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uses;
    }

    private static void record(String source, Map<String, Set<String>> uses) {
        String code = STRING.matcher(COMMENT.matcher(source).replaceAll(" ")).replaceAll("\"\"");
        Matcher pm = PACKAGE.matcher(code);
        if (!pm.find()) {
            return;
        }
        String pkg = pm.group(1);
        Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            if (!m.group(1).equals(pkg)) {
                used.add(m.group(1));
            }
        }
    }
}
