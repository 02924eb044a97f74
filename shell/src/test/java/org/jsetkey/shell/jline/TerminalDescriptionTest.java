package org.jsetkey.shell.jline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.Test;

/** The fast reading of a terminal description finds what JLine's own parse finds, entry for entry. */
class TerminalDescriptionTest {
    private static final List<String> BUNDLED = List.of("dumb", "dumb-color", "ansi", "xterm", "xterm-256color",
            "windows", "windows-256color", "windows-conemu", "windows-vtp", "screen", "screen-256color",
            "rxvt-unicode", "rxvt-unicode-256color", "rxvt-basic", "rxvt");

    private record Parsed(Set<Capability> bools, Map<Capability, Integer> ints, Map<Capability, String> strings) {
    }

    private static Parsed jline(String description) {
        Parsed p = new Parsed(EnumSet.noneOf(Capability.class), new EnumMap<>(Capability.class),
                new EnumMap<>(Capability.class));
        InfoCmp.parseInfoCmp(description, p.bools(), p.ints(), p.strings());
        return p;
    }

    private static Parsed fast(String description) {
        Parsed p = new Parsed(EnumSet.noneOf(Capability.class), new EnumMap<>(Capability.class),
                new EnumMap<>(Capability.class));
        TerminalDescription.parse(description, p.bools(), p.ints(), p.strings());
        return p;
    }

    @Test
    void everyDescriptionJLineCarriesReadsTheSame() {
        for (String type : BUNDLED) {
            String description = TerminalDescription.bundled(type);
            assertNotNull(description, type);
            assertEquals(InfoCmp.getDefaultInfoCmp(type), description, type);
            assertEquals(jline(description), fast(description), type);
        }
    }

    /** No description at all (no infocmp, an unknown type) reads as ansi, as JLine falls back. */
    @Test
    void noDescriptionReadsAsAnsi() {
        assertEquals(fast(TerminalDescription.bundled("ansi")), fast(null));
        assertTrue(fast(null).strings().containsKey(Capability.clear_screen));
    }

    /** What a dumb terminal is told: the margins, 80 columns, and bell, return, down and scroll. */
    @Test
    void theDumbTerminalHasItsSixCapabilities() {
        Parsed dumb = fast(TerminalDescription.bundled("dumb"));
        assertEquals(EnumSet.of(Capability.auto_right_margin), dumb.bools());
        assertEquals(Map.of(Capability.columns, 80), dumb.ints());
        assertEquals(Map.of(Capability.bell, "^G", Capability.carriage_return, "^M",
                Capability.cursor_down, "^J", Capability.scroll_forward, "^J"), dumb.strings());
    }

    /** What a parse gives: the capabilities, or the exception it throws. */
    private static Object outcome(java.util.function.Function<String, Parsed> parser, String description) {
        try {
            return parser.apply(description);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    /**
     * Every entry of this machine's terminfo database, as `infocmp -x` prints it for JLine. A few
     * carry a '#' inside a string's value, which JLine reads as a number and fails on: the same
     * failure here.
     */
    @Test
    void everyInstalledTerminfoEntryReadsTheSame() throws Exception {
        List<String> names = new ArrayList<>();
        for (String line : run("toe", "-a").split("\n")) {
            String[] fields = line.split("\\s+", 2);
            if (!fields[0].isEmpty() && names.size() < 200) {
                names.add(fields[0]);
            }
        }
        assertTrue(names.contains("xterm-256color") && names.contains("dumb"), names.toString());
        for (String name : names) {
            String description = run("infocmp", "-x", name);
            Object fast = outcome(TerminalDescriptionTest::fast, description);
            assertEquals(outcome(TerminalDescriptionTest::jline, description), fast, name);
            if (name.startsWith("xterm")) {
                assertTrue(((Parsed) fast).strings().containsKey(Capability.key_up), name);
            }
        }
    }

    @Test
    void capabilityNamesAreTheLongAndTheTerminfoOnes() {
        Map<String, Capability> names = TerminalDescription.names();
        assertEquals(InfoCmp.getCapabilitiesByName(), names);
        assertEquals(Capability.auto_right_margin, names.get("am"));
        assertEquals(Capability.columns, names.get("cols"));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
