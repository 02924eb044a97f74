package org.jsetkey.shell;

import java.io.IOException;
import java.util.List;

import org.jsetkey.engine.link.Impairment;
import org.jsetkey.engine.soak.Soak;
import org.jsetkey.shell.command.CommandOutput;

/** {@code jsetkey --soak [SECONDS] [--impair NETEM]}: the soak on standard output; exit status 0 when it passed. */
final class SoakCommand {
    static final int MAX_SECONDS = 86_400;

    private SoakCommand() {
    }

    /** @param impair netem's words for {@code --impair}, or null for a perfect link */
    static int run(int seconds, String impair, CommandOutput output) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            output.errorln("jsetkey: --soak " + seconds + ": expected 1-" + MAX_SECONDS + " seconds");
            return 1;
        }
        Impairment impairment = null;
        if (impair != null) {
            try {
                impairment = Impairment.parse(List.of(impair.trim().split("\\s+")));
            } catch (IllegalArgumentException e) {
                output.errorln("jsetkey: --impair '" + impair + "': " + e.getMessage());
                return 1;
            }
        }
        try {
            return new Soak(seconds, impairment, output::println).run() ? 0 : 1;
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
