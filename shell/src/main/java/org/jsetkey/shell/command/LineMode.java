package org.jsetkey.shell.command;

/**
 * A mode that takes over the console's input until it ends (the {@code groovy} mode): every
 * entry goes to it instead of the command interpreter.
 */
public interface LineMode extends CompletionSource {
    /** The primary prompt while the mode is active, e.g. {@code groovy> }. */
    String prompt();

    /** The name of the mode's own Up-arrow history (kept apart from setkey statements), e.g. {@code groovy}. */
    String historyName();

    /** Whether {@code text}, typed as one entry, is unfinished (Enter continues it). */
    boolean needsMore(String text);

    /** Runs one entry; {@link Outcome#EXIT} leaves the mode. */
    Outcome accept(String text);
}
