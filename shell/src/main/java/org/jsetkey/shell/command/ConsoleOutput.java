package org.jsetkey.shell.command;


/** The console's output: command output, plus lines that arrive while the user is typing. */
public interface ConsoleOutput extends CommandOutput {
    /**
     * Prints {@code text} (one or more lines, without a final line break) above the
     * prompt and redraws the line being edited. Safe to call from any thread.
     */
    void printAbove(String text);
}
