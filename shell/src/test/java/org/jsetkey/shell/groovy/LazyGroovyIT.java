package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The console starts without Groovy: its classes load only when a groovy command runs. */
class LazyGroovyIT {

    private static boolean isGroovyClassLoad(String line) {
        return line.contains("[class,load]") && (line.contains(" groovy.") || line.contains(" org.codehaus.groovy.")
                || line.contains(" org.apache.groovy."));
    }

    @Test
    void noGroovyClassLoadsUntilAGroovyCommandRuns() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(javaBin.toString(), "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), "org.jsetkey.shell.Main")).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write("help\nsysctl net.inet.ipsec.def_policy\necho before-groovy\ngroovy 40 + 2\necho after-groovy\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "program did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        int before = lines.indexOf("before-groovy");
        int answer = lines.indexOf("42");
        assertTrue(before > 0 && answer > before, out);
        assertTrue(lines.stream().anyMatch(l -> l.contains("[class,load] org.jsetkey.shell.Main ")),
                "the class-load log is on: " + lines.size() + " lines");
        for (String l : lines.subList(0, before)) {
            assertTrue(!isGroovyClassLoad(l), "loaded before any groovy command: " + l);
        }
        assertTrue(lines.subList(before, answer).stream().anyMatch(LazyGroovyIT::isGroovyClassLoad),
                "the probe sees Groovy once it is used");
    }
}
