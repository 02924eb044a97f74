package org.jsetkey.shell.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.jsetkey.engine.setkey.Grammar;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.sysctl.Sysctl;

/**
 * Turns console input into actions: a known command word runs the command; setkey
 * statements (possibly over several lines, several per line) go to the setkey language.
 * Piped input is one source, {@code <stdin>:LINE:COL} counting every line read; at the
 * console each entry is a source of its own, {@code <input>:LINE:COL} counting from its first line.
 */
public final class Interpreter {
    public static final String SOURCE_NAME = "<stdin>";
    /** What console diagnostics call the entry they point into. */
    public static final String ENTRY_NAME = "<input>";

    private final CommandRegistry registry;
    private final SetkeyLanguage setkey;
    private final Session session;
    private final CommandOutput output;
    private final StringBuilder pending = new StringBuilder();
    private int pendingFirstLine;
    private int nextLine = 1;
    private boolean perEntry;

    public Interpreter(CommandRegistry registry, SetkeyLanguage setkey, Session session, CommandOutput output) {
        this.registry = registry;
        this.setkey = setkey;
        this.session = session;
        this.output = output;
    }

    /** An interpreter with the built-in commands. */
    public static Interpreter create(Sysctl sysctl, SetkeyLanguage setkey, Session session, CommandOutput output) {
        return create(new CommandRegistry(), sysctl, setkey, session, output);
    }

    /** An interpreter that registers the built-in commands in {@code registry}, ahead of any added later. */
    public static Interpreter create(CommandRegistry registry, Sysctl sysctl, SetkeyLanguage setkey, Session session,
                                     CommandOutput output) {
        registry.register(new HelpCommand(registry, sysctl));
        registry.register(new DumpCommand("dump", setkey));
        registry.register(new DumpCommand("spddump", setkey));
        registry.register(new SaveCommand(setkey));
        registry.register(new SysctlShellCommand(sysctl));
        registry.register(new EchoCommand());
        registry.register(new SleepCommand());
        registry.register(new SetCommand(session));
        registry.register(new ExitCommand());
        registry.alias("quit", "exit");
        registry.alias("bye", "exit");
        return new Interpreter(registry, setkey, session, output);
    }

    /** The console: number each entered statement from line 1, as a source of its own. */
    public void numberEachEntry() {
        perEntry = true;
    }

    public CommandRegistry registry() {
        return registry;
    }

    /** Where command output and errors go. */
    public CommandOutput output() {
        return output;
    }

    public Session session() {
        return session;
    }

    /** True while a setkey statement is open and the next input continues it. */
    public boolean pending() {
        return pending.length() > 0;
    }

    /** Drops an open statement (Ctrl-C). */
    public void cancelPending() {
        pending.setLength(0);
    }

    /**
     * True when {@code text}, typed as one input, still needs more lines: it starts (or
     * continues) a setkey statement that is not closed by {@code ;}.
     */
    public boolean needsMore(String text) {
        LineMode mode = session.mode();
        if (mode != null) {
            return mode.needsMore(text);
        }
        if (!pending() && !isSetkeyStatement(text)) {
            return false;
        }
        return !complete(pending() ? pending + "\n" + text : text);
    }

    /** Runs one input: a line, or several lines that form one entry. */
    public Outcome accept(String text) {
        int firstLine = nextLine;
        nextLine += lineCount(text);
        LineMode mode = session.mode();
        if (mode != null) {
            return acceptInMode(mode, text);
        }
        try {
            if (pending()) {
                pending.append('\n').append(text);
                return runSetkeyIfComplete();
            }
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                return Outcome.OK;
            }
            if (isSetkeyStatement(text)) {
                pending.append(text);
                pendingFirstLine = firstLine;
                return runSetkeyIfComplete();
            }
            return runCommand(trimmed);
        } catch (RuntimeException e) {
            pending.setLength(0);
            report(e);
            return Outcome.FAILED;
        }
    }

    private Outcome acceptInMode(LineMode mode, String text) {
        Outcome o = mode.accept(text);
        if (o == Outcome.EXIT) {
            session.leaveMode();
            return Outcome.OK;
        }
        return o;
    }

    private boolean isSetkeyStatement(String text) {
        String word = Words.first(text);
        if (Grammar.statement(word).isEmpty()) {
            return false;
        }
        // "dump esp" and "spddump" also work as plain commands without the ';'
        return !(registry.find(word).isPresent() && text.indexOf(';') < 0);
    }

    private Outcome runSetkeyIfComplete() {
        String source = pending.toString();
        if (!complete(source)) {
            return Outcome.PENDING;
        }
        pending.setLength(0);
        // leading newlines make the language count lines as the piped input does
        String numbered = perEntry ? source : "\n".repeat(pendingFirstLine - 1) + source;
        SetkeyResult r = setkey.run(numbered, perEntry ? ENTRY_NAME : SOURCE_NAME, new SetkeyPrinter(output));
        if (r.exitRequested()) {
            return Outcome.EXIT;
        }
        return r.failed() ? Outcome.FAILED : Outcome.OK;
    }

    private boolean complete(String text) {
        try {
            return setkey.isComplete(text);
        } catch (UnsupportedOperationException e) {
            return true; // no completeness check yet: run it and let the error show
        }
    }

    private Outcome runCommand(String line) {
        String body = line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
        List<String> words = Words.split(body);
        if (words.isEmpty()) {
            return Outcome.OK;
        }
        String name = words.get(0);
        Command command = registry.find(name).orElse(null);
        if (command == null) {
            output.errorln(CommandHint.unknown(name, words, registry));
            return Outcome.FAILED;
        }
        boolean ok = command instanceof RawCommand raw
                ? raw.executeRaw(line.substring(name.length()).strip(), output)
                : command.execute(words.subList(1, words.size()), output);
        if (command instanceof ExitCommand) {
            return Outcome.EXIT;
        }
        return ok ? Outcome.OK : Outcome.FAILED;
    }

    private void report(RuntimeException e) {
        session.lastException(e);
        if (session.debug()) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            output.err(trace.toString());
        } else {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            output.errorln("error: " + message + " (set debug on for the stack trace)");
        }
    }

    private static int lineCount(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
