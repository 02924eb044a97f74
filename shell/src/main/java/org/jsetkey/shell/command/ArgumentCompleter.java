package org.jsetkey.shell.command;

import java.util.List;

/**
 * Completes the arguments of one command: the completer half of a command's execute/completer
 * pair ({@link Command#completer()}), asked on Tab once the command word is typed.
 */
@FunctionalInterface
public interface ArgumentCompleter {
    /**
     * @param typed   the line up to the cursor; {@code typed.command()} is this command's word
     * @param context the host's addresses and the file names the console can offer
     * @return the whole words that may replace {@code typed.word()}
     */
    List<Suggestion> suggestions(Typed typed, CompletionContext context);
}
