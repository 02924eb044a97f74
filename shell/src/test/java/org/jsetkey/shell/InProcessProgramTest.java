package org.jsetkey.shell;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** Tests that run the program in this JVM and look at what the last run printed. */
abstract class InProcessProgramTest {
    @TempDir
    Path dir;

    String out;
    String err;

    /** Runs the program with {@code stdin} piped in; its exit status. */
    int run(String stdin, String... args) {
        InProcessRun r = InProcessRun.of(stdin, args);
        out = r.out();
        err = r.err();
        return r.status();
    }
}
