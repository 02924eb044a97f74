package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What scripts/jsetkey hands the JVM: a setkey action (-c, -f, -e, -D, -F) starts with the first
 * JIT tier only, everything else with both and its heap in huge pages. Run on a copy of the launcher beside a built-looking
 * tree (jar and archive newer than the sources) with a {@code java} on the PATH that prints its
 * arguments, so nothing is built and no JVM starts.
 */
class LauncherJitTest {
    @TempDir
    Path tree;

    private List<String> javaArgs(String... args) throws Exception {
        Path scripts = Files.createDirectories(tree.resolve("scripts"));
        Path launcher = scripts.resolve("jsetkey");
        if (!Files.exists(launcher)) {
            Files.copy(Path.of("..", "scripts", "jsetkey"), launcher);
            Files.writeString(tree.resolve("pom.xml"), "<project/>");
            Path target = Files.createDirectories(tree.resolve("shell/target/lib"));
            FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
            Files.setLastModifiedTime(tree.resolve("pom.xml"), old);
            Files.writeString(target.getParent().resolve("jsetkey.jar"), "jar");
            Files.writeString(target.getParent().resolve("jsetkey.jsa"), "archive");
            Files.setLastModifiedTime(target.getParent().resolve("jsetkey.jar"),
                    FileTime.fromMillis(System.currentTimeMillis() - 30_000));
            Path bin = Files.createDirectories(tree.resolve("bin"));
            Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
            bin.resolve("java").toFile().setExecutable(true);
        }
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", tree.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("JSETKEY_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    /** True for the setkey action's start (first tier, no huge pages), false for a host that stays up (both tiers, huge pages). */
    private boolean firstTierOnly(String... args) throws Exception {
        List<String> a = javaArgs(args);
        assertTrue(a.contains("-jar"), a.toString());
        assertEquals(List.of(args), a.subList(a.indexOf("-jar") + 2, a.size()), "every argument passed through");
        boolean firstTier = a.contains("-XX:TieredStopAtLevel=1");
        assertEquals(!firstTier, a.contains("-XX:+UseTransparentHugePages"), a.toString());
        assertTrue(a.indexOf("-XX:CompileThresholdScaling=4") >= 0 && a.indexOf("-XX:CompileThresholdScaling=4") < a.indexOf("-jar"),
                "every start compiles later: " + a);
        return firstTier;
    }

    @Test
    void setkeyActionsStartWithTheFirstTierOnly() throws Exception {
        assertTrue(firstTierOnly("-c"));
        assertTrue(firstTierOnly("-D"));
        assertTrue(firstTierOnly("-DP"));
        assertTrue(firstTierOnly("-FP"));
        assertTrue(firstTierOnly("-f", "setkey.conf"));
        assertTrue(firstTierOnly("-e", "flush;"));
        assertTrue(firstTierOnly("-e", "add 10.0.0.1 10.0.0.2 esp 0x100 -E null;"));
        assertTrue(firstTierOnly("--name", "phoenix", "-vc"));
    }

    @Test
    void theConsoleScriptsBenchAndSoakKeepBothTiers() throws Exception {
        assertFalse(firstTierOnly());
        assertFalse(firstTierOnly("--listen", "127.0.0.1:7501", "--peer", "127.0.0.1:7502"));
        assertFalse(firstTierOnly("--script", "scripts/two-hosts.groovy"));
        assertFalse(firstTierOnly("--bench", "datapath"));
        assertFalse(firstTierOnly("--soak", "10"));
        assertFalse(firstTierOnly("-x"));
    }

    @Test
    void theArchiveIsUsedWhenItIsNewerThanTheJar() throws Exception {
        List<String> a = javaArgs("-c");
        assertTrue(a.stream().anyMatch(s -> s.startsWith("-XX:SharedArchiveFile=")), a.toString());
    }
}
