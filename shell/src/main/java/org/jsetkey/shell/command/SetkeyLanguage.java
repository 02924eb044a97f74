package org.jsetkey.shell.command;

import java.io.IOException;
import java.nio.file.Path;

import org.jsetkey.engine.persist.XfrmWriter;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;

/** The part of {@link org.jsetkey.engine.setkey.Setkey} the command layer needs. */
public interface SetkeyLanguage {
    boolean isComplete(String text);

    SetkeyResult run(String source, String fileName, SetkeyListener listener);

    /** The databases and changed sysctls as a file that rebuilds them ({@code save}). */
    String config();

    /** The databases as {@code ip xfrm} commands, with what has no equivalent ({@code save --format ip-xfrm}). */
    default XfrmWriter.Result xfrmConfig() {
        throw new UnsupportedOperationException("no ip-xfrm translation here");
    }

    /**
     * {@code save} without FILE: writes the host's default file (the autosave file, else the
     * profile's ipsec_file) and returns it; null when the host has neither.
     */
    default Path saveDefault() throws IOException {
        return null;
    }
}
