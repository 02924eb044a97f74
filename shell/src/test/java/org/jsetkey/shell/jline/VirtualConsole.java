package org.jsetkey.shell.jline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.complete.ConsoleCompletion;
import org.jsetkey.shell.complete.Highlighting;
import org.jsetkey.shell.console.Prompt;
import org.jsetkey.shell.console.Repl;
import org.jsetkey.shell.host.HostContext;

/**
 * The real console (JLine reader, completion, highlighting, interpreter with the built-in
 * commands and the real setkey language) on an ANSI terminal over pipes: a test types
 * keys and reads the screen while the console runs on its own thread.
 */
final class VirtualConsole implements AutoCloseable {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 60;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final PipedOutputStream keys = new PipedOutputStream();
    private final Thread thread;
    private final Host host;
    final JLineConsole console;
    final Interpreter interpreter;
    final ConsoleCompletion completion;
    final Repl repl;
    private volatile int status = -1;

    VirtualConsole(HostContext context, Path history) throws IOException {
        this.host = context.host();
        Terminal terminal = new ExternalTerminal("test", "screen", new PipedInputStream(keys, 1 << 16),
                new SyncOut(screen), StandardCharsets.UTF_8);
        terminal.setSize(new Size(WIDTH, HEIGHT));
        CommandRegistry registry = new CommandRegistry();
        completion = new ConsoleCompletion(registry, host);
        console = new JLineConsole(terminal, Prompt.forHost(host.name()), completion, new Highlighting(registry),
                history);
        interpreter = Interpreter.create(registry, context.sysctl(), context.language(), new Session(), console);
        console.continueWhile(interpreter::needsMore);
        repl = new Repl(console, interpreter);
        console.onInterrupt(repl::interruptForeground);
        thread = new Thread(() -> status = repl.run(), "virtual-console");
        thread.setDaemon(true);
        thread.start();
    }

    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** The screen as a terminal would show it now: the output replayed through a VT100 emulator, blanks trimmed. */
    String text() {
        ScreenTerminal emulator = new ScreenTerminal(WIDTH, HEIGHT);
        emulator.write(raw());
        StringBuilder sb = new StringBuilder();
        for (String line : emulator.toString().split("\n", -1)) {
            sb.append(line.stripTrailing()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    String raw() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits (at most 10 s) until the plain screen text satisfies {@code test}; fails with the screen otherwise. */
    String await(Predicate<String> test, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            String t = text();
            if (test.test(t)) {
                return t;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("screen never showed " + what + ":\n" + text());
    }

    String awaitText(String fragment) throws InterruptedException {
        return await(t -> t.contains(fragment), "\"" + fragment + "\"");
    }

    /** Ends input (Ctrl-D on an empty line) and waits for the console to finish. */
    int finish() throws Exception {
        type("\u0015\u0004");
        return awaitEnd();
    }

    /** Waits (at most 10 s) for the console loop to return; its status, or -1 if it is still running. */
    int awaitEnd() throws InterruptedException {
        thread.join(10_000);
        return status;
    }

    @Override
    public void close() throws Exception {
        if (thread.isAlive()) {
            keys.close();
            thread.join(10_000);
        }
        console.close();
    }

    /** The screen buffer, written by the terminal and read by the test. */
    private static final class SyncOut extends OutputStream {
        private final ByteArrayOutputStream target;

        SyncOut(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (target) {
                target.write(b, off, len);
            }
        }
    }
}
