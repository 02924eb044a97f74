package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groovy's host.setkey() persists as the console does: through the same autosave batch, failing the same way. */
class ScriptPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void aScriptsChangesAreAutosavedAndAFailedWriteFailsLikeRun() throws Exception {
        Path sub = dir.resolve("state");
        Files.createDirectories(sub);
        Path file = sub.resolve("h.autosave");
        Path conf = dir.resolve("more.conf");
        Files.writeString(conf, "add 10.0.0.1 10.0.0.2 esp 0x1002 -E null;\n");
        InProcessRun r = InProcessRun.of(String.join("\n",
                "groovy host.setkey('add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;'); null",
                "groovy new File('" + sub + "').deleteDir(); null",
                "groovy host.setkey('add 10.0.0.1 10.0.0.2 esp 0x1001 -E null;'); null",
                "run " + conf, ""), "--autosave", file.toString());
        assertEquals(1, r.status());
        String lost = "autosave: " + file + ": No such file or directory (the change is not on disk)";
        assertTrue(r.err().startsWith(lost + "\n"), r.err());
        assertTrue(r.err().contains("setkey: the change is not on disk (autosave failed, see the message above)"),
                r.err());
        assertEquals(2, r.err().lines().filter(lost::equals).count(), "the script and run say it alike:\n" + r.err());
    }

    @Test
    void aScriptsFileRunsAsRunFileDoesSysctlLinesIncluded() throws Exception {
        Path file = dir.resolve("h.autosave");
        Path conf = dir.resolve("saved.conf");
        Files.writeString(conf, "sysctl net.inet.ipsec.esp_trans_deflev=2\nadd 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\n");
        InProcessRun r = InProcessRun.of("groovy host.setkey(new File('" + conf + "')); null\nsysctl -n"
                + " net.inet.ipsec.esp_trans_deflev\n", "--autosave", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("2\n"), r.out());
        String saved = Files.readString(file);
        assertTrue(saved.contains("add 10.0.0.1 10.0.0.2 esp 4096 ") && saved.contains("esp_trans_deflev=2"), saved);
    }
}
