package org.jsetkey.shell.command;

import java.util.ArrayList;
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
        return new Usage("help", "help [command | statement | " + AlgorithmTable.options(" | ") + "]",
                "Lists the commands, or explains one.\n"
                        + "help add, help spdadd: the statement's slots; help " + AlgorithmTable.options(", ")
                        + ": the algorithm tables;\n"
                        + "help sysctl: the knobs with their ranges and descriptions.");
    }

    /** The first argument completes to commands, statements and the algorithm tables in the order help names them. */
    @Override
    public ArgumentCompleter completer() {
        ArgumentCompleter bySynopsis = Command.super.completer();
        return (typed, context) -> typed.done().size() == 1 ? topics(typed.word()) : bySynopsis.suggestions(typed, context);
    }

    private List<Suggestion> topics(String prefix) {
        List<Suggestion> out = new ArrayList<>(FirstWords.matching(registry, prefix));
        for (AlgorithmKind kind : AlgorithmTable.KINDS) {
            if (kind.option().startsWith(prefix)) {
                out.add(Suggestion.of(kind.option(), kind.description() + " algorithms"));
            }
        }
        return out;
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.isEmpty()) {
            listAll(output);
            return true;
        }
        GetOpt g = GetOpt.parse(this, args, output);
        if (g == null) {
            return false;
        }
        for (AlgorithmKind kind : AlgorithmTable.KINDS) {
            if (g.has(kind.option().substring(1))) {
                output.out(AlgorithmTable.format(kind));
                return true;
            }
        }
        if (g.operands().isEmpty()) {
            listAll(output);
            return true;
        }
        String topic = g.operands().get(0);
        Optional<Command> command = registry.find(topic);
        Optional<StatementSpec> statement = Grammar.statement(topic);
        int width = output.width();
        if (statement.isPresent()) {
            for (String line : Grammar.help(topic).split("\n")) {
                output.out(TextWrap.indented(line, width));
            }
            output.out(TextWrap.indented("  a setkey statement: end it with ';' (it may span several lines)", width));
            if (statement.get().slots().stream().anyMatch(s -> s.name().equals("algorithm"))) {
                output.println("  algorithms: help " + AlgorithmTable.options(", help "));
            }
        }
        if (command.isPresent()) {
            output.out(TextWrap.indented(command.get().synopsis(), width));
            output.out(TextWrap.help(command.get().help(), "  ", width));
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

    /** Commands and statements with the first sentence of their help, wrapped to the terminal width. */
    private void listAll(CommandOutput output) {
        int width = output.width();
        output.println("Commands:");
        int column = 2 + Math.min(24, registry.commands().stream().mapToInt(c -> c.synopsis().length()).max()
                .orElse(0)) + 2;
        for (Command c : registry.commands()) {
            output.out(TextWrap.hanging("  " + c.synopsis(), column, TextWrap.summary(c.help()), width));
        }
        output.out(TextWrap.indented("Setkey statements (end each with ';'; several per line, or one over several lines):", width));
        int statementColumn = 2 + Grammar.statements().stream().mapToInt(s -> s.keyword().length()).max().orElse(0) + 2;
        for (StatementSpec s : Grammar.statements()) {
            output.out(TextWrap.hanging("  " + s.keyword(), statementColumn, s.help(), width));
        }
        output.out(TextWrap.indented("Type help NAME for details, help " + AlgorithmTable.options(" / ")
                + " for the algorithms. Tab completes.", width));
    }

    private void knobs(CommandOutput output) {
        output.println("Knobs:");
        int name = 0;
        for (Knob k : sysctl.knobs()) {
            name = Math.max(name, k.name().length());
        }
        for (Knob k : sysctl.knobs()) {
            output.out(TextWrap.hanging("  " + pad(k.name(), name) + "  " + values(k), 2 + name + 2 + 14 + 2,
                    k.description(), output.width()));
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
