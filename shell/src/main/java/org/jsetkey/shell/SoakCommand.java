package org.jsetkey.shell;

import java.io.IOException;

import org.jsetkey.engine.soak.Soak;
import org.jsetkey.shell.command.CommandOutput;

/** {@code jsetkey --soak [SECONDS]}: the soak on standard output; exit status 0 when it passed. */
final class SoakCommand {
    static final int MAX_SECONDS = 86_400;

    private SoakCommand() {
    }

    static int run(int seconds, CommandOutput output) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            output.errorln("jsetkey: --soak " + seconds + ": expected 1-" + MAX_SECONDS + " seconds");
            return 1;
        }
        try {
            return new Soak(seconds, output::println).run() ? 0 : 1;
        } catch (IOException e) {
            output.errorln("jsetkey: --soak: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output.errorln("jsetkey: --soak: interrupted");
            return 1;
        }
    }
}
