package org.jsetkey.shell.command;

import java.util.List;

/** A console command: {@code name args...}. */
public interface Command {
    /** Its word, synopsis and help. */
    Usage usage();

    /** The word that invokes it. */
    default String name() {
        return usage().name();
    }

    /** One line: {@code name ARGS}, as {@code help} lists it. */
    default String synopsis() {
        return usage().synopsis();
    }

    /** What it does, a few lines, for {@code help name}. */
    default String help() {
        return usage().help();
    }

    /** Completes its arguments on Tab; by default from its synopsis (flags, file names, addresses). */
    default ArgumentCompleter completer() {
        return new SynopsisCompleter(synopsis());
    }

    /**
     * Reports a bad invocation as getopt programs do, {@code name: why} and the usage line;
     * returns false, the command's result.
     */
    default boolean usageError(String why, CommandOutput output) {
        output.errorln(name() + ": " + why);
        output.errorln("usage: " + synopsis());
        return false;
    }

    /**
     * Runs the command.
     *
     * @param args the words after the command name, quotes removed
     * @return true on success
     */
    boolean execute(List<String> args, CommandOutput output);
}
