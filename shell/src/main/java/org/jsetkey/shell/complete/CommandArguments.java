package org.jsetkey.shell.complete;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsetkey.shell.command.Command;
import org.jsetkey.shell.command.Suggestion;
import org.jsetkey.shell.command.Synopsis;

/**
 * Arguments of an ordinary command, from its synopsis: its flags, and for an argument named
 * like a file (FILE, SCRIPT) file names, named like an address (DEST, HOST) known addresses.
 */
final class CommandArguments {
    /** Commands whose first operand is a file whatever their synopsis calls it. */
    static final Set<String> FILE_COMMANDS = Set.of("run", "save");

    private final KnownAddresses addresses;
    private final FileNames files;

    CommandArguments(KnownAddresses addresses, FileNames files) {
        this.addresses = addresses;
        this.files = files;
    }

    List<Suggestion> suggestions(Command command, Typed typed) {
        Synopsis synopsis = Synopsis.parse(command.synopsis());
        String word = typed.word();
        Optional<Synopsis.Flag> pending = synopsis.flag(typed.previous()).filter(f -> f.argument() != null);
        if (pending.isPresent()) {
            return argument(pending.get().name(), pending.get().argument(), word);
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
            out.addAll(addresses.matching(word));
        } else if (operand != null && Synopsis.namesFile(operand)
                || FILE_COMMANDS.contains(command.name()) && operandIndex(synopsis, typed) == 0) {
            out.addAll(files.matching(word));
        }
        return out;
    }

    private List<Suggestion> argument(String flag, String argument, String word) {
        if (Synopsis.namesFile(argument) || flag.equals("-f")) {
            return files.matching(word);
        }
        if (Synopsis.namesAddress(argument)) {
            return addresses.matching(word);
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
