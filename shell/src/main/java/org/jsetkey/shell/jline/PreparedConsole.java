package org.jsetkey.shell.jline;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.HashMap;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.Signals;

/**
 * The console's system terminal and line reader, made on a second thread while the flags are
 * read and the host starts: neither depends on the host, and together they were a third of the
 * time to the first prompt (the terminal's description from {@code infocmp}, JLine's native
 * library, the reader's key maps and widgets). The console sets the reader up for the host
 * afterwards, on its own thread.
 */
public final class PreparedConsole {
    private final Thread thread = new Thread(this::make, "jsetkey-terminal");
    private TypeaheadLineReader reader;
    private IOException failure;

    private PreparedConsole() {
    }

    public static PreparedConsole start() {
        PreparedConsole p = new PreparedConsole();
        p.thread.setDaemon(true);
        p.thread.start();
        return p;
    }

    /** The terminal and its reader once made (waits); throws what making them threw. */
    TypeaheadLineReader reader() throws IOException {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return reader;
    }

    private void make() {
        try {
            Terminal terminal = systemTerminal();
            if (terminal instanceof DumbTerminal) {
                // a dumb terminal turns Ctrl-C into its INT signal only when it reads the character,
                // but the terminal driver reads it first and sends the process SIGINT, which would end
                // it: SIGINT becomes the terminal's INT, which cancels the line or the running command
                Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT));
            }
            reader = new TypeaheadLineReader(terminal, "jsetkey", new HashMap<>());
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException | LinkageError e) {
            failure = new IOException("the console's terminal: " + e.getMessage(), e);
        }
    }

    private static Terminal systemTerminal() throws IOException {
        // the encoding JLine would arrive at anyway: without one it first looks up the Windows code
        // pages "ms0" and "cp0", four times, and each miss scans every charset provider on the class
        // path (a third of the console's start-up in JFR); its own property still wins
        Charset encoding = System.getProperty("org.jline.terminal.encoding") == null ? Charset.defaultCharset() : null;
        // JNA is on the class path for TUN interfaces only: JLine's JNA provider would look up libc
        // through it (an ldconfig process) at every console start; JLine's own native provider or
        // its exec provider serve the terminal as before JNA came
        TerminalBuilder builder = TerminalBuilder.builder().name("jsetkey").system(true).dumb(true)
                .encoding(encoding).jna(Boolean.getBoolean("org.jline.terminal.jna"));
        if (Runtime.version().feature() < 22) {
            builder.ffm(false); // JLine's FFM provider needs Java 22: trying it costs a failed class load
        }
        builder.jansi(false); // not on the class path
        String type = builder.computeType();
        boolean userProviders = System.getProperty(TerminalBuilder.PROP_PROVIDER) != null
                || System.getProperty(TerminalBuilder.PROP_PROVIDERS) != null;
        if (("dumb".equals(type) || "dumb-color".equals(type)) && !userProviders) {
            // JLine makes a dumb terminal without a provider; it asks them only which stream is a
            // terminal, which the console already knows (it runs only when standard input and output
            // are), and describes the type with what it carries, which is what `infocmp -x dumb`
            // prints: made here as the builder makes it, with no native library, no process, and the
            // description read without JLine's slow first parse
            return DescribedDumbTerminal.of("jsetkey", builder);
        }
        if (System.getProperty(TerminalBuilder.PROP_EXEC) == null && System.getProperty(TerminalBuilder.PROP_PROVIDERS) == null) {
            JniTerminalProvider jni = nativeProvider();
            if (jni != null) {
                // what the builder would make with it (the native provider comes first, and standard
                // input and output are terminals, or there is no console), with the fast description
                // reading; the exec provider, which would start a `test -t 1` process just to load,
                // is not needed
                return DescribedPosixTerminal.of("jsetkey", type, jni, builder);
            }
        }
        return builder.build();
    }

    /**
     * JLine's native provider on Linux when it loads here and standard input and output are
     * terminals to it, else null (the builder then tries its providers as always).
     */
    private static JniTerminalProvider nativeProvider() {
        if (System.getProperty(TerminalBuilder.PROP_PROVIDER) != null
                || !Boolean.parseBoolean(System.getProperty(TerminalBuilder.PROP_JNI, "true"))
                || !System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        try {
            TerminalProvider p = TerminalProvider.load(TerminalBuilder.PROP_PROVIDER_JNI);
            return p instanceof JniTerminalProvider jni && p.isSystemStream(SystemStream.Input)
                    && p.isSystemStream(SystemStream.Output) ? jni : null;
        } catch (Throwable e) {
            return null; // the builder tries it again and falls back to the exec provider
        }
    }
}
