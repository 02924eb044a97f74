package org.jsetkey.shell.jline;

import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.InfoCmp;

/**
 * What the console's terminal will need from outside the JVM, fetched on a second thread while
 * the host starts: the terminal's description ({@code infocmp -x TERM}, a process), JLine's
 * native terminal library (which JLine copies out of its jar and loads) and JLine's logger
 * (java.util.logging's set-up). JLine keeps each of them, so the terminal built afterwards, on
 * the main thread and exactly as before, finds them ready instead of waiting for them.
 */
public final class TerminalPrefetch {
    private final Thread thread = new Thread(this::fetch, "jsetkey-terminal");
    private boolean nativeTerminal;

    private TerminalPrefetch() {
    }

    public static TerminalPrefetch start() {
        TerminalPrefetch p = new TerminalPrefetch();
        p.thread.setDaemon(true);
        p.thread.start();
        return p;
    }

    /** Waits until the fetching is over: JLine's caches are plain maps, read by the terminal's builder next. */
    void await() {
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
    }

    /** After {@link #await}: JLine's native provider loaded and answered whether standard output is a terminal. */
    boolean nativeTerminal() {
        return nativeTerminal;
    }

    private void fetch() {
        // failures are left for the terminal's builder, which meets and reports them as before
        try {
            String type = TerminalBuilder.builder().computeType();
            if (type != null) {
                InfoCmp.getInfoCmp(type);
            }
        } catch (Exception e) {
            // not kept: the builder runs infocmp again
        }
        // only where the builder itself would load it
        if (System.getProperty(TerminalBuilder.PROP_PROVIDER) == null
                && Boolean.parseBoolean(System.getProperty(TerminalBuilder.PROP_JNI, "true"))) {
            try {
                TerminalProvider jni = TerminalProvider.load(TerminalBuilder.PROP_PROVIDER_JNI);
                jni.isSystemStream(SystemStream.Output); // what the builder asks of each provider it keeps
                nativeTerminal = true;
            } catch (Throwable e) {
                // the builder tries it again and falls back to the exec provider
            }
        }
        try {
            Class.forName("org.jline.utils.Log", true, TerminalPrefetch.class.getClassLoader());
        } catch (Throwable e) {
            // the builder initialises it when it first logs
        }
    }
}
