package org.jsetkey.shell.command;

import java.util.List;

/** Leaves the console; the interpreter sees the name and stops. */
final class ExitCommand implements Command {
    @Override
    public String name() {
        return "exit";
    }

    @Override
    public String synopsis() {
        return "exit | quit";
    }

    @Override
    public String help() {
        return "Leaves jsetkey (Ctrl-D does the same).";
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        return true;
    }
}
