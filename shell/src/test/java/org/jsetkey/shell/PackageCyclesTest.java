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
 * The package structure: the layer order docs/architecture.md documents (each package uses only
 * its own row's and lower rows' packages), no two packages of the program using each other, and
 * the engine using nothing of the shell. Reads the sources of both modules (imports and fully
 * qualified names outside comments) and the two package tables of the document.
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

    /** A table row of docs/architecture.md: "| `a`, `b` | ..." or "| (root) | ...". */
    private static final Pattern ROW = Pattern.compile("^\\| ((?:`[\\w.]+`(?:, )?)+|\\(root\\)) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([\\w.]+)`");

    @Test
    void everyPackageUsesOnlyItsOwnAndLowerLayersAsDocumented() throws IOException {
        Map<String, Integer> layer = documentedLayers(Files.readString(Path.of("../docs/architecture.md")));
        Map<String, Set<String>> uses = uses();
        List<String> undocumented = new ArrayList<>(uses.keySet());
        undocumented.removeAll(layer.keySet());
        assertEquals(List.of(), undocumented, "packages missing from the tables of docs/architecture.md");
        List<String> upward = new ArrayList<>();
        uses.forEach((p, used) -> used.forEach(q -> {
            if (layer.containsKey(q) && layer.get(q) > layer.get(p)) {
                upward.add(p + " -> " + q);
            }
        }));
        assertEquals(List.of(), upward, "uses of a higher layer than the document's order allows");
    }

    @Test
    void aUseOfAHigherLayerIsFound() {
        Map<String, Integer> layer = documentedLayers(String.join("\n",
                "Engine (`org.jsetkey.engine`), lower layers first:", "| package | x |", "| --- | --- |",
                "| `net` | addresses |", "| `sad`, `spd` | the databases |",
                "Shell (`org.jsetkey.shell`), lower layers first:", "| package | x |", "| --- | --- |",
                "| `command` | commands |", "| (root) | Main |"));
        assertEquals(Map.of("org.jsetkey.engine.net", 0, "org.jsetkey.engine.sad", 1, "org.jsetkey.engine.spd", 1,
                "org.jsetkey.shell.command", 2, "org.jsetkey.shell", 3), layer);
    }

    /** Each package's row number, counted over the engine table and then the shell table. */
    static Map<String, Integer> documentedLayers(String doc) {
        Map<String, Integer> layer = new TreeMap<>();
        int engine = doc.indexOf("Engine (`org.jsetkey.engine`), lower layers first:");
        int shell = doc.indexOf("Shell (`org.jsetkey.shell`), lower layers first:");
        assertTrue(engine >= 0 && shell > engine, "the two package tables, lower layers first");
        int row = 0;
        for (String[] table : List.of(new String[] {"org.jsetkey.engine", doc.substring(engine, shell)},
                new String[] {"org.jsetkey.shell", doc.substring(shell)})) {
            String text = table[1].substring(0, endOfTable(table[1]));
            Matcher m = ROW.matcher(text);
            while (m.find()) {
                if (m.group(1).equals("(root)")) {
                    layer.put(table[0], row);
                } else {
                    Matcher n = NAME.matcher(m.group(1));
                    while (n.find()) {
                        layer.put(table[0] + "." + n.group(1), row);
                    }
                }
                row++;
            }
        }
        return layer;
    }

    private static int endOfTable(String from) {
        int header = from.indexOf("\n| ");
        int end = from.indexOf("\n\n", header < 0 ? 0 : header);
        return end < 0 ? from.length() : end;
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
