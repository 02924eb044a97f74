package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command's default completer, read from its synopsis: its flags, and for an argument named
 * like a file (FILE, SCRIPT) file names, named like an address (DEST, HOST) known addresses.
 */
record SynopsisCompleter(String synopsisLine) implements ArgumentCompleter {

    @Override
    public List<Suggestion> suggestions(Typed typed, CompletionContext context) {
        Synopsis synopsis = Synopsis.parse(synopsisLine);
        String word = typed.word();
        Optional<Synopsis.Flag> pending = synopsis.flag(typed.previous()).filter(f -> f.argument() != null);
        if (pending.isPresent()) {
            return argument(pending.get().name(), pending.get().argument(), word, context);
        }
        List<Suggestion> out = new ArrayList<>();
        if (word.isEmpty() || word.startsWith("-")) {
            for (Synopsis.Flag f : synopsis.flags()) {
                if (f.name().startsWith(word)) {
                    out.add(Suggestion.of(f.name(), f.argument() == null ? "" : f.argument()));
                }
            }
        }
        if (word.startsWith("-")) {
            return out;
        }
        String operand = operandAt(synopsis, typed);
        if (operand != null && Synopsis.namesAddress(operand)) {
            out.addAll(context.addresses(word));
        } else if (operand != null && Synopsis.namesFile(operand)) {
            out.addAll(context.files(word));
        }
        return out;
    }

    private static List<Suggestion> argument(String flag, String argument, String word, CompletionContext context) {
        if (Synopsis.namesFile(argument) || flag.equals("-f")) {
            return context.files(word);
        }
        if (Synopsis.namesAddress(argument)) {
            return context.addresses(word);
        }
        return List.of();
    }

    /** How many operands come before the word being typed (flags and their arguments skipped). */
    private static int operandIndex(Synopsis synopsis, Typed typed) {
        List<String> done = typed.done();
        int n = 0;
        for (int i = 1; i < done.size(); i++) {
            Optional<Synopsis.Flag> f = synopsis.flag(done.get(i));
            if (f.isPresent()) {
                if (f.get().argument() != null) {
                    i++;
                }
            } else if (!done.get(i).startsWith("-")) {
                n++;
            }
        }
        return n;
    }

    private static String operandAt(Synopsis synopsis, Typed typed) {
        List<String> operands = synopsis.operands();
        if (operands.isEmpty()) {
            return null;
        }
        return operands.get(Math.min(operandIndex(synopsis, typed), operands.size() - 1));
    }
}
