package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/** An empty command line is not parsed: its flags must be exactly what parsing it would give. */
class FlagsDefaultsTest {
    @Test
    void unparsedDefaultsAreWhatPicocliMakesOfAnEmptyCommandLine() throws Exception {
        Flags parsed = Flags.of(Main.commandLine().parseArgs());
        Flags unparsed = new Flags();
        int compared = 0;
        for (Field f : Flags.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object a = f.get(parsed);
            Object b = f.get(unparsed);
            boolean same = a instanceof boolean[] x && b instanceof boolean[] y ? Arrays.equals(x, y) : Objects.equals(a, b);
            assertTrue(same, f.getName() + ": parsed " + a + ", unparsed " + b);
            compared++;
        }
        assertTrue(compared >= 30, "every flag's field compared: " + compared);
        assertEquals(parsed.hostOptions(), unparsed.hostOptions());
    }
}
