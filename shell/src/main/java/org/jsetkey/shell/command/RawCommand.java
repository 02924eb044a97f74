package org.jsetkey.shell.command;

import java.util.List;

/**
 * A command that needs the text after its name exactly as typed (quotes kept), such as
 * {@code groovy EXPR}.
 */
public interface RawCommand extends Command {
    /**
     * @param rawArgs the rest of the line after the command name, stripped
     */
    boolean executeRaw(String rawArgs, CommandOutput output);

    @Override
    default boolean execute(List<String> args, CommandOutput output) {
        return executeRaw(String.join(" ", args), output);
    }
}
