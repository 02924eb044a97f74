package org.jsetkey.shell.command;

import java.util.List;

/** What a command's completer may offer besides its own words: known addresses and file names. */
public interface CompletionContext {
    /** This host's, its peers' and the SAD/SPD addresses starting with {@code prefix}. */
    List<Suggestion> addresses(String prefix);

    /** File names for the partly typed path {@code prefix}, relative to the working directory. */
    List<Suggestion> files(String prefix);
}
