package org.jsetkey.shell.command;

import java.io.IOException;
import java.nio.file.Path;

import org.jsetkey.engine.persist.ConfigFile;
import org.jsetkey.engine.persist.XfrmWriter;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;

/**
 * A host's setkey statements as every lab action runs them (console, {@code run FILE}, Groovy's
 * {@code setkey}): the one path where the host's autosave batches the changes and reports a
 * failed write.
 */
public interface SetkeyLanguage {
    boolean isComplete(String text);

    /** Runs statements; a failed autosave write fails the result (and is reported on error output). */
    SetkeyResult run(String source, String fileName, SetkeyListener listener);

    /**
     * Runs a configuration file: setkey statements, and the sysctl and ip xfrm lines a saved file
     * holds; one autosave write at its end.
     */
    default SetkeyResult runFile(String text, String fileName, SetkeyListener listener) {
        return run(text, fileName, listener);
    }

    /** The language of a host without autosave or profile (a script's own hosts). */
    static SetkeyLanguage of(Setkey setkey, ConfigFile files) {
        return new SetkeyLanguage() {
            @Override
            public boolean isComplete(String text) {
                return Setkey.isComplete(text);
            }

            @Override
            public SetkeyResult run(String source, String fileName, SetkeyListener listener) {
                return setkey.run(source, fileName, listener);
            }

            @Override
            public SetkeyResult runFile(String text, String fileName, SetkeyListener listener) {
                return files.run(text, fileName, listener);
            }

            @Override
            public String config() {
                throw new UnsupportedOperationException("no save here");
            }
        };
    }

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
