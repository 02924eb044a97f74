package org.jsetkey.shell;

import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.ConsoleOutput;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.NetCommands;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.groovy.Scripting;
import org.jsetkey.shell.host.HostContext;

/**
 * The shell of one host as every front end runs it (batch, console, demo): the interpreter
 * with the built-in, network and scripting commands, all writing to one output. Closing ends
 * the background commands and the hosts scripts made.
 */
public final class Shell implements AutoCloseable {
    private final Interpreter interpreter;
    private final NetCommands net;
    private final Scripting scripting;

    /**
     * @param interactive true in the console (ping without -c runs until interrupted), false
     *                    for commands from standard input
     */
    public Shell(HostContext host, ConsoleOutput output, boolean interactive) {
        this(host, new CommandRegistry(), new Session(), output, interactive);
    }

    /** @param registry where the commands go (the console's completion reads it) */
    public Shell(HostContext host, CommandRegistry registry, Session session, ConsoleOutput output,
                 boolean interactive) {
        interpreter = Interpreter.create(registry, host.sysctl(), host.language(), session, output);
        net = NetCommands.register(registry, host.host(), output, interactive);
        scripting = Scripting.install(registry, host, session);
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    public Session session() {
        return interpreter.session();
    }

    /** ACQUIRE and EXPIRE notices above the prompt while the session wants them (the console). */
    public void showNotices() {
        net.showNotices(interpreter.session());
    }

    @Override
    public void close() {
        try {
            scripting.close();
        } finally {
            net.close();
        }
    }
}
