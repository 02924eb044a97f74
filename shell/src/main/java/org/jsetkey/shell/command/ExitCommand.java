package org.jsetkey.shell.command;

import java.util.List;

/** Leaves the console; the interpreter sees the name and stops. */
final class ExitCommand implements Command {
    @Override
    public Usage usage() {
        return new Usage("exit", "exit | quit",
                "Leaves jsetkey (Ctrl-D does the same).");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        return true;
    }
}
