package org.jsetkey.shell.command;

import java.time.ZoneId;
import java.util.List;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.print.KdebugFormatter;

/** {@code monitor [-d] [-x|-xx]} / {@code monitor stop}: every key engine message as it happens, like {@code setkey -x}. */
final class MonitorCommand implements Command, AutoCloseable {
    private final EventBus events;
    private final ConsoleOutput console;
    private final EventLines lines = new EventLines(ZoneId.systemDefault());
    private AutoCloseable subscription;

    MonitorCommand(EventBus events, ConsoleOutput console) {
        this.events = events;
        this.console = console;
    }

    @Override
    public Usage usage() {
        return new Usage("monitor", "monitor [-d] [-x | -xx] | monitor stop",
                "Prints every key engine message (ADD, UPDATE, DELETE, FLUSH, SPDADD, SPDUPDATE, SPDDELETE,\n"
                        + "SPDFLUSH, ACQUIRE, EXPIRE) above the prompt as it happens, one line each, until 'monitor stop'.\n"
                        + "  -d   also packet drops (DROP reason: explanation)\n"
                        + "  -x   print each message as setkey -x does (kdebug_sadb text, time of day)\n"
                        + "  -xx  the same with epoch timestamps, as setkey -xx");
    }

    @Override
    public synchronized boolean execute(List<String> args, CommandOutput output) {
        if (args.equals(List.of("stop"))) {
            if (subscription == null) {
                output.errorln("monitor: not running");
                return false;
            }
            close();
            return true;
        }
        GetOpt g = GetOpt.parse(this, args, output);
        if (g == null) {
            return false;
        }
        if (!g.operands().isEmpty()) {
            return usageError("unexpected " + g.operands().get(0), output);
        }
        boolean drops = g.has('d');
        int x = g.count('x');
        if (subscription != null) {
            output.errorln("monitor: already running ('monitor stop' ends it)");
            return false;
        }
        KdebugFormatter kdebug = new KdebugFormatter(ZoneId.systemDefault(), x > 1, ProcessHandle.current().pid());
        subscription = events.subscribe(e -> {
            if (x > 0 && !(e instanceof KeyEvent.Drop)) {
                String text = kdebug.format(e);
                console.printAbove(text.substring(0, text.length() - 1));
            } else if (drops || !(e instanceof KeyEvent.Drop)) {
                console.printAbove(lines.format(e));
            }
        });
        return true;
    }

    /** Whether a monitor is printing messages now. */
    synchronized boolean running() {
        return subscription != null;
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // unsubscribing from an in-memory list does not fail
            }
            subscription = null;
        }
    }
}
