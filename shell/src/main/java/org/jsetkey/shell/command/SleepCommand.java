package org.jsetkey.shell.command;

import java.math.BigDecimal;
import java.util.List;

/** Waits a while: lets scripts give lifetimes or the peer time to act. Ctrl-C (an interrupt) ends it. */
final class SleepCommand implements Command {
    @Override
    public Usage usage() {
        return new Usage("sleep", "sleep SECONDS",
                "Waits SECONDS (any non-negative number, decimals allowed); Ctrl-C ends the wait.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.size() != 1) {
            output.errorln("usage: " + synopsis());
            return false;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(args.get(0));
        } catch (NumberFormatException e) {
            output.errorln("sleep: " + args.get(0) + ": not a number (expected: seconds, 0 or more)");
            return false;
        }
        if (seconds.signum() < 0) {
            output.errorln("sleep: " + args.get(0) + ": negative (expected: seconds, 0 or more)");
            return false;
        }
        try {
            // Thread.sleep ends early with InterruptedException: the console's Ctrl-C interrupts this thread
            Thread.sleep(seconds.movePointRight(3).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output.errorln("sleep: interrupted");
            return false;
        }
    }
}
