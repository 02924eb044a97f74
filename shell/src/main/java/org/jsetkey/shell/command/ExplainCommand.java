package org.jsetkey.shell.command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.shell.lab.PingService;

/** {@code explain [N] | explain clear}: the last drops with the stack's explanation of each. */
record ExplainCommand(DropLog log, PingService ping, ZoneId zone) implements Command {
    static final int DEFAULT_COUNT = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.US);

    @Override
    public Usage usage() {
        return new Usage("explain", "explain [N] | explain clear",
                "Lists the last N (default " + DEFAULT_COUNT + ", at most " + DropLog.CAPACITY
                        + ") packets this host dropped, oldest first,\nwith why (e.g. which SPIs it holds when an SPI is "
                        + "unknown). 'explain clear' forgets them.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.equals(List.of("clear"))) {
            log.clear();
            return true;
        }
        int n = DEFAULT_COUNT;
        if (args.size() == 1) {
            try {
                n = Integer.parseInt(args.get(0));
            } catch (NumberFormatException e) {
                n = -1;
            }
        }
        if (args.size() > 1 || n < 1 || n > DropLog.CAPACITY) {
            output.errorln("explain: " + String.join(" ", args) + " (expected: a count 1-" + DropLog.CAPACITY
                    + " or clear)");
            return false;
        }
        List<KeyEvent.Drop> drops = log.last(n);
        String note = ping.lastNote();
        if (drops.isEmpty()) {
            output.println("No packets dropped." + (note == null ? "" : " The last ping: " + note));
            return true;
        }
        StringBuilder sb = new StringBuilder();
        for (KeyEvent.Drop d : drops) {
            sb.append(TIME.format(Instant.ofEpochMilli(d.timeMillis()).atZone(zone))).append(' ').append(d.reason())
                    .append(" (").append(d.reason().description()).append(")\n");
            sb.append("    ").append(d.explanation()).append('\n');
            for (String detail : d.details()) {
                sb.append("      ").append(detail).append('\n');
            }
        }
        if (note != null) {
            sb.append("The last ping: ").append(note).append("\n");
        }
        output.out(sb.toString());
        return true;
    }
}
