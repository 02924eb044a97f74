package org.jsetkey.shell.command;

import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.setkey.Grammar;
import org.jsetkey.engine.setkey.StatementSpec;
import org.jsetkey.engine.sysctl.Knob;
import org.jsetkey.engine.sysctl.KnobType;
import org.jsetkey.engine.sysctl.Sysctl;

/**
 * Lists the commands, or explains one command or setkey statement (from the grammar), an
 * algorithm table ({@code help -E}, {@code -A}, {@code -C}) or the sysctl knobs.
 */
record HelpCommand(CommandRegistry registry, Sysctl sysctl) implements Command {
    @Override
    public Usage usage() {
        return new Usage("help", "help [command | statement | -E | -A | -C]",
                "Lists the commands, or explains one.\n"
                        + "help add, help spdadd: the statement's slots; help -E, -A, -C: the algorithm tables;\n"
                        + "help sysctl: the knobs with their ranges and descriptions.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.isEmpty()) {
            listAll(output);
            return true;
        }
        String topic = args.get(0);
        AlgorithmKind kind = AlgorithmTable.kindOf(topic);
        if (kind != null) {
            output.out(AlgorithmTable.format(kind));
            return true;
        }
        Optional<Command> command = registry.find(topic);
        Optional<StatementSpec> statement = Grammar.statement(topic);
        if (statement.isPresent()) {
            output.out(Grammar.help(topic));
            output.println("  a setkey statement: end it with ';' (it may span several lines)");
            if (statement.get().slots().stream().anyMatch(s -> s.name().equals("algorithm"))) {
                output.println("  algorithms: help -E, help -A, help -C");
            }
        }
        if (command.isPresent()) {
            output.println(command.get().synopsis());
            for (String line : command.get().help().split("\n")) {
                output.println("  " + line);
            }
            if (command.get().name().equals("sysctl")) {
                knobs(output);
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
        int statementWidth = 0;
        for (StatementSpec s : Grammar.statements()) {
            statementWidth = Math.max(statementWidth, s.keyword().length());
        }
        for (StatementSpec s : Grammar.statements()) {
            output.println("  " + pad(s.keyword(), statementWidth) + "  " + s.help());
        }
        output.println("Type help NAME for details, help -E / -A / -C for the algorithms. Tab completes.");
    }

    private void knobs(CommandOutput output) {
        output.println("Knobs:");
        int width = 0;
        for (Knob k : sysctl.knobs()) {
            width = Math.max(width, k.name().length());
        }
        for (Knob k : sysctl.knobs()) {
            output.println("  " + pad(k.name(), width) + "  " + pad(values(k), 14) + "  " + k.description());
        }
    }

    /** "0..1 (1)": the accepted range and the default; "read-only" for fixed strings. */
    private static String values(Knob k) {
        if (k.readOnly() || k.type() != KnobType.INT) {
            return "read-only";
        }
        String range = k.min() == Integer.MIN_VALUE && k.max() == Integer.MAX_VALUE ? "int"
                : k.max() == Integer.MAX_VALUE ? ">=" + k.min() : k.min() + ".." + k.max();
        return range + " (" + k.defaultValue() + ")";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
