package org.jsetkey.shell.console;

/** Where the console reads its input from: one entry (one or more lines) at a time. */
public interface LineInput {
    /**
     * The next entry, or null at end of input (Ctrl-D).
     *
     * @throws LineCancelledException the user cancelled the line being typed (Ctrl-C)
     */
    String read();

    /** Thrown by {@link #read()} when the user pressed Ctrl-C. */
    final class LineCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LineCancelledException() {
            super("line cancelled");
        }
    }
}
