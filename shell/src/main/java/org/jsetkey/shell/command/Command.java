package org.jsetkey.shell.command;

import java.util.List;

/** A console command: {@code name args...}. */
public interface Command {
    /** The word that invokes it. */
    String name();

    /** One line: {@code name ARGS}, as {@code help} lists it. */
    String synopsis();

    /** What it does, a few lines, for {@code help name}. */
    String help();

    /**
     * Runs the command.
     *
     * @param args the words after the command name, quotes removed
     * @return true on success
     */
    boolean execute(List<String> args, CommandOutput output);
}
