package org.jsetkey.shell.command;

import java.util.List;
import java.util.Optional;

/** Lists the commands, or explains one command or setkey statement. */
final class HelpCommand implements Command {
    private final CommandRegistry registry;

    HelpCommand(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String synopsis() {
        return "help [command]";
    }

    @Override
    public String help() {
        return "Lists the commands, or explains one.";
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.isEmpty()) {
            listAll(output);
            return true;
        }
        String topic = args.get(0);
        Optional<Command> command = registry.find(topic);
        Optional<String> statement = SetkeyStatements.synopsis(topic);
        if (statement.isPresent()) {
            output.println(statement.get());
            output.println("  a setkey statement: end it with ';' (it may span several lines)");
        }
        if (command.isPresent()) {
            output.println(command.get().synopsis());
            for (String line : command.get().help().split("\n")) {
                output.println("  " + line);
            }
        }
        if (command.isEmpty() && statement.isEmpty()) {
            output.errorln("help: no command '" + topic + "' (type help for the list)");
            return false;
        }
        return true;
    }

    private void listAll(CommandOutput output) {
        output.println("Commands:");
        int width = 0;
        for (Command c : registry.commands()) {
            width = Math.max(width, c.synopsis().length());
        }
        for (Command c : registry.commands()) {
            String firstLine = c.help().split("\n", 2)[0];
            output.println("  " + pad(c.synopsis(), width) + "  " + firstLine);
        }
        output.println("Setkey statements (end each with ';'; several per line, or one over several lines):");
        output.println("  " + String.join(" ", SetkeyStatements.keywords()));
        output.println("Type help NAME for details.");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
