package org.jsetkey.shell.jline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jsetkey.engine.picture.TextPicture;
import org.jsetkey.shell.command.CompletionSource;
import org.jsetkey.shell.command.ConsoleOutput;
import org.jsetkey.shell.complete.Highlighting;
import org.jsetkey.shell.console.HistoryFile;
import org.jsetkey.shell.console.LineInput;
import org.jsetkey.shell.console.Prompt;

/**
 * The console on a JLine terminal: line editing, history (Ctrl-R searches it), completion,
 * highlighting, output above the prompt, and Ctrl-C for the command running in the foreground.
 */
public final class JLineConsole implements LineInput, ConsoleOutput, AutoCloseable {
    private static final int CHUNK = 8192;

    private final Terminal terminal;
    private final LineReader reader;
    private final StatementParser statements = new StatementParser();
    private final Prompt prompt;
    private final Path historyFile;
    private volatile Supplier<String> primaryPrompt;
    private volatile Supplier<String> historyMode = () -> null;
    private final FilteredHistory history = new FilteredHistory();
    private String shownHistoryMode;

    /** A console without highlighting. */
    public JLineConsole(Terminal terminal, Prompt prompt, CompletionSource completion, Path historyFile)
            throws IOException {
        this(terminal, prompt, completion, null, historyFile);
    }

    /**
     * Enter ends each line until {@link #continueWhile} says which entries go on over several lines.
     *
     * @param highlighting colours for the line being typed, or null for none
     * @param historyFile  where history persists (created with mode 0600), or null for none
     */
    public JLineConsole(Terminal terminal, Prompt prompt, CompletionSource completion, Highlighting highlighting,
                        Path historyFile) throws IOException {
        this(new TypeaheadLineReader(terminal, "jsetkey", new HashMap<>()), prompt, completion, highlighting,
                historyFile);
    }

    private JLineConsole(TypeaheadLineReader r, Prompt prompt, CompletionSource completion, Highlighting highlighting,
                         Path historyFile) throws IOException {
        this.terminal = r.getTerminal();
        this.prompt = prompt;
        this.historyFile = historyFile;
        this.primaryPrompt = prompt::primary;
        // LineReaderBuilder's settings, on the reader that keeps a long paste fast
        r.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, prompt.continuation().replace("%", "%%"));
        if (historyFile != null) {
            HistoryFile.secure(historyFile);
            r.setVariable(LineReader.HISTORY_FILE, historyFile); // before the history attaches: it loads from here
        }
        r.setParser(statements);
        r.setCompleter(new CompleterAdapter(completion));
        r.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        r.setHistory(history);
        if (highlighting != null) {
            r.setHighlighter(new JLineHighlighter(highlighting));
        }
        this.reader = r;
    }

    /**
     * The console on this process's terminal (a dumb one when there is no real terminal).
     *
     * @param prepared the terminal and reader made meanwhile, waited for here
     */
    public static JLineConsole onSystemTerminal(PreparedConsole prepared, Prompt prompt, CompletionSource completion,
                                                Highlighting highlighting, Path historyFile) throws IOException {
        return new JLineConsole(prepared.reader(), prompt, completion, highlighting, historyFile);
    }

    /**
     * Enter continues the entry while {@code needsMore} says the text typed so far is an
     * unclosed statement (the interpreter, which writes to this console, knows).
     */
    public void continueWhile(Predicate<String> needsMore) {
        statements.continueWhile(needsMore);
    }

    /**
     * What Ctrl-C does while no line is being read, i.e. while a command runs in the
     * foreground (while reading, Ctrl-C cancels the line).
     */
    public void onInterrupt(Runnable action) {
        terminal.handle(Terminal.Signal.INT, signal -> action.run());
    }

    /** Asks {@code primary} for the prompt before each entry (a mode such as groovy changes it). */
    public void usePrompt(Supplier<String> primary) {
        this.primaryPrompt = primary;
    }

    /** Entries {@code refused} says no to are neither kept for Up/Ctrl-R nor written to the history file. */
    public void keepOutOfHistory(Predicate<String> refused) {
        history.refuse(refused);
    }

    /**
     * Keeps a separate Up-arrow history for each mode {@code mode} names (null: the setkey
     * console), each in its own file next to the main one.
     */
    public void separateHistoryBy(Supplier<String> mode) {
        this.historyMode = mode;
    }

    private void followHistoryMode() {
        String mode = historyMode.get();
        if (historyFile == null || java.util.Objects.equals(mode, shownHistoryMode)) {
            return;
        }
        try {
            reader.getHistory().save();
            Path file = HistoryFile.forMode(historyFile, mode);
            HistoryFile.secure(file);
            reader.setVariable(LineReader.HISTORY_FILE, file);
            reader.getHistory().load();
            shownHistoryMode = mode;
        } catch (IOException | UncheckedIOException e) {
            terminal.writer().println("jsetkey: could not switch history: " + e.getMessage());
        }
    }

    @Override
    public String read() {
        followHistoryMode();
        try {
            return reader.readLine(primaryPrompt.get());
        } catch (UserInterruptException e) {
            throw new LineCancelledException();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    /** While a line is being edited, output goes above it; otherwise straight to the terminal. */
    @Override
    public void out(String text) {
        if (reader.isReading()) {
            printAbove(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
            return;
        }
        synchronized (this) {
            write(text);
        }
    }

    /**
     * Long output (a dump of many SAs) goes out in pieces, so Ctrl-C stops it between two
     * pieces instead of after the whole text reached a slow terminal.
     */
    private void write(String text) {
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + CHUNK);
            int newline = text.lastIndexOf('\n', to - 1);
            if (to < text.length() && newline >= from) {
                to = newline + 1;
            }
            terminal.writer().write(text, from, to - from);
            terminal.writer().flush();
            from = to;
            if (from < text.length() && Thread.currentThread().isInterrupted()) {
                terminal.writer().println("^C");
                terminal.writer().flush();
                return;
            }
        }
    }

    @Override
    public int width() {
        int w = terminal.getWidth();
        return w > 0 ? w : 80;
    }

    @Override
    public void err(String text) {
        out(text);
    }

    @Override
    public String picture(List<List<TextPicture.Segment>> lines) {
        return Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                ? TextPicture.join(lines) : PictureStyle.ansi(lines, terminal);
    }

    /** Safe from any thread: JLine takes its own lock, clears the edited line, prints, and redraws it. */
    @Override
    public void printAbove(String text) {
        reader.printAbove(text);
    }

    @Override
    public void close() throws IOException {
        try {
            if (historyFile != null) {
                reader.getHistory().save();
                HistoryFile.secure(HistoryFile.forMode(historyFile, shownHistoryMode));
            }
        } catch (IOException | UncheckedIOException e) {
            terminal.writer().println("jsetkey: could not save history: " + e.getMessage());
        } finally {
            terminal.close();
        }
    }
}
