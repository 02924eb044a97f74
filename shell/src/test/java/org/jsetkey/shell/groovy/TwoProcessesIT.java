package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** phoenix.groovy and cardinal.groovy, each in its own JVM, complete the how-to test together. */
class TwoProcessesIT {
    @TempDir
    Path dir;

    private Process start(String script, int listen, int peer, String logName) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = List.of(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "org.jsetkey.shell.Main", "--script", ScriptRun.scriptsDir().resolve(script).toString(),
                String.valueOf(listen), String.valueOf(peer), "3", "60");
        File log = dir.resolve(logName).toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    private String log(String name) throws Exception {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void phoenixAndCardinalScriptsPassTogether() throws Exception {
        int phoenixPort = ScriptRun.freeUdpPort();
        int cardinalPort = ScriptRun.freeUdpPort();
        // phoenix first: it has to wait for its peer
        Process phoenix = start("phoenix.groovy", phoenixPort, cardinalPort, "phoenix.log");
        Process cardinal = start("cardinal.groovy", cardinalPort, phoenixPort, "cardinal.log");
        try {
            assertTrue(phoenix.waitFor(90, TimeUnit.SECONDS), "phoenix did not finish");
            assertTrue(cardinal.waitFor(30, TimeUnit.SECONDS), "cardinal did not finish");
            assertEquals(0, phoenix.exitValue(), log("phoenix.log"));
            assertEquals(0, cardinal.exitValue(), log("cardinal.log"));
            assertTrue(log("phoenix.log").contains("3 packets transmitted, 3 received, 0% packet loss"),
                    log("phoenix.log"));
            assertTrue(log("phoenix.log").contains("phoenix: 3 pings answered by cardinal, all AH over ESP"),
                    log("phoenix.log"));
            assertTrue(log("cardinal.log").contains("cardinal: answered 3 pings as AH over ESP"), log("cardinal.log"));
        } finally {
            phoenix.destroyForcibly();
            cardinal.destroyForcibly();
        }
    }
}
