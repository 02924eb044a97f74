package org.jsetkey.shell.command;

import java.time.ZoneId;
import java.util.List;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.shell.console.ConsoleOutput;

/** {@code monitor [-d]} / {@code monitor stop}: every key engine message as it happens, like {@code setkey -x}. */
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
    public String name() {
        return "monitor";
    }

    @Override
    public String synopsis() {
        return "monitor [-d] | monitor stop";
    }

    @Override
    public String help() {
        return "Prints every key engine message (ADD, UPDATE, DELETE, FLUSH, SPDADD, SPDUPDATE, SPDDELETE,\n"
                + "SPDFLUSH, ACQUIRE, EXPIRE) above the prompt as it happens, one line each, until 'monitor stop'.\n"
                + "  -d  also packet drops (DROP reason: explanation)";
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
        boolean drops;
        try {
            GetOpt g = GetOpt.parse("d", args);
            if (!g.operands().isEmpty()) {
                throw new IllegalArgumentException("unexpected " + g.operands().get(0));
            }
            drops = g.has('d');
        } catch (IllegalArgumentException e) {
            output.errorln("monitor: " + e.getMessage());
            output.errorln("usage: " + synopsis());
            return false;
        }
        if (subscription != null) {
            output.errorln("monitor: already running ('monitor stop' ends it)");
            return false;
        }
        subscription = events.subscribe(e -> {
            if (drops || !(e instanceof KeyEvent.Drop)) {
                console.printAbove(lines.format(e));
            }
        });
        return true;
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
