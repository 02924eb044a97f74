package org.jsetkey.shell.groovy;

import java.nio.file.Path;
import java.util.List;

import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.FileErrors;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.host.HostContext;

/**
 * Groovy for the console, loaded on first use: registering {@code groovy} and {@code run}
 * touches no Groovy class; the {@link ScriptHost} (and with it Groovy) is created the first
 * time a script or expression runs. This class must not import {@code groovy.*}.
 */
public final class Scripting implements AutoCloseable {
    private final HostContext host;
    private final Session session;
    private ScriptHost scripts;

    private Scripting(HostContext host, Session session) {
        this.host = host;
        this.session = session;
    }

    /** Registers {@code groovy} and {@code run}; closing the result stops hosts the console's scripts made. */
    public static Scripting install(CommandRegistry registry, HostContext host, Session session) {
        Scripting s = new Scripting(host, session);
        registry.register(new GroovyCommand(s));
        registry.register(new RunCommand(s, host));
        return s;
    }

    /**
     * Runs a script file for {@code --script}: 0 when it completed, 1 with the script's
     * {@code FILE:LINE: message} on error output when it failed.
     */
    public static int runScript(HostContext host, Path file, List<String> args, CommandOutput output) {
        if (FileErrors.read(file, "jsetkey", output) == null) {
            return 1; // said as "jsetkey: FILE: reason", like -f, and without starting Groovy
        }
        try (ScriptHost sh = new ScriptHost(host.host(), host.setkey(), host.language(), output)) {
            sh.runFile(file, args);
            return 0;
        } catch (ScriptFailedException e) {
            output.errorln(e.getMessage());
            return 1;
        }
    }

    synchronized ScriptHost scripts(CommandOutput output) {
        if (scripts == null) {
            scripts = new ScriptHost(host.host(), host.setkey(), host.language(), output);
        }
        return scripts;
    }

    Session session() {
        return session;
    }

    /** True once Groovy was used in this console. */
    public synchronized boolean started() {
        return scripts != null;
    }

    @Override
    public synchronized void close() {
        if (scripts != null) {
            scripts.close();
        }
    }
}
