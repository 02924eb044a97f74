package org.jsetkey.shell.command;

import java.util.List;

final class EchoCommand implements Command {
    @Override
    public Usage usage() {
        return new Usage("echo", "echo TEXT...",
                "Prints its arguments separated by one blank (handy in scripts and test input).");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        output.println(String.join(" ", args));
        return true;
    }
}
