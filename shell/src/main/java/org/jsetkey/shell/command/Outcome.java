package org.jsetkey.shell.command;

/** What became of one piece of input. */
public enum Outcome {
    OK,
    FAILED,
    /** A setkey statement is open: more lines are needed before it runs. */
    PENDING,
    /** exit, quit, or setkey's exit statement. */
    EXIT
}
