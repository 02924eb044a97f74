package org.jsetkey.shell.command;

import java.math.BigDecimal;
import java.util.List;

/** Waits a while: lets scripts give lifetimes or the peer time to act. */
final class SleepCommand implements Command {
    static final int MAX_SECONDS = 60;

    @Override
    public Usage usage() {
        return new Usage("sleep", "sleep SECONDS",
                "Waits SECONDS (decimals allowed, at most " + MAX_SECONDS + ").");
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
            output.errorln("sleep: " + args.get(0) + ": not a number (expected: seconds, 0.." + MAX_SECONDS + ")");
            return false;
        }
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
            output.errorln("sleep: " + args.get(0) + ": out of range (expected: 0.." + MAX_SECONDS + ")");
            return false;
        }
        try {
            Thread.sleep(seconds.movePointRight(3).longValue());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output.errorln("sleep: interrupted");
            return false;
        }
    }
}
