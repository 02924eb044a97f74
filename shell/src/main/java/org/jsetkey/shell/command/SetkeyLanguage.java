package org.jsetkey.shell.command;

import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;

/** The part of {@link org.jsetkey.engine.setkey.Setkey} the command layer needs. */
public interface SetkeyLanguage {
    boolean isComplete(String text);

    SetkeyResult run(String source, String fileName, SetkeyListener listener);

    /** The databases as a setkey file that rebuilds them ({@code save}). */
    String config();
}
