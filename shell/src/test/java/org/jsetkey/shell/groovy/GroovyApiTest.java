package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API list that help and completion read is what scripts can call, no more and no less. */
class GroovyApiTest {
    private final ConsoleScripts console = new ConsoleScripts();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void everyListedNameIsThereForAScript() throws Exception {
        Path f = dir.resolve("api.groovy");
        StringBuilder text = new StringBuilder();
        for (String p : GroovyApi.names(GroovyApi.Kind.PROPERTY)) {
            text.append("this.'").append(p).append("'\n"); // throws MissingPropertyException when absent
        }
        for (String fn : GroovyApi.names(GroovyApi.Kind.FUNCTION, GroovyApi.Kind.GROOVY)) {
            text.append("assert this.respondsTo('").append(fn).append("') : '").append(fn).append("'\n");
        }
        for (String fn : GroovyApi.names(GroovyApi.Kind.FUNCTION)) {
            if (!fn.equals("newHost")) {
                text.append("assert host.respondsTo('").append(fn).append("') : 'host.").append(fn).append("'\n");
            }
        }
        Files.writeString(f, text);
        console.scripts.runFile(f, List.of());
    }

    @Test
    void everyPublicMethodOfTheScriptBaseClassIsListed() {
        TreeSet<String> declared = new TreeSet<>();
        for (Method m : JsetkeyScript.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            String n = m.getName();
            declared.add(n.startsWith("get") && m.getParameterCount() == 0
                    ? Character.toLowerCase(n.charAt(3)) + n.substring(4) : n);
        }
        TreeSet<String> listed = new TreeSet<>(GroovyApi.names(GroovyApi.Kind.values()));
        declared.removeAll(listed);
        assertEquals(new TreeSet<>(), declared, "public in JsetkeyScript but not in GroovyApi");
    }

    @Test
    void helpAndCompletionReadTheList() {
        for (String n : GroovyApi.names(GroovyApi.Kind.values())) {
            assertTrue(GroovyHelp.TEXT.contains(n), "help groovy names " + n);
            assertTrue(console.scripts.bindingNames().contains(n), "completion offers " + n);
        }
    }
}
