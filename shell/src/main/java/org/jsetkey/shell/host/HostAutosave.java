package org.jsetkey.shell.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.jsetkey.engine.persist.Autosave;
import org.jsetkey.engine.persist.ConfigFile;
import org.jsetkey.engine.setkey.RawText;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.FileErrors;
import org.jsetkey.shell.command.SetkeyPrinter;

/**
 * The autosave file of a host (--autosave FILE, or rc.conf ipsec_autosave): restored at start
 * when it exists, then kept current; changes made through a command are written once, when
 * the command ends and before it reports.
 */
final class HostAutosave implements AutoCloseable {
    private final Path file;
    private volatile Autosave autosave;
    private volatile CommandOutput errors;
    private boolean restored;

    HostAutosave(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** True when the state came from the file: it supersedes the profile's ipsec_file. */
    boolean restored() {
        return restored;
    }

    boolean on() {
        return autosave != null;
    }

    /**
     * Loads the file when it exists (after resetting the knobs: the file holds every one that
     * differs from its default), then starts saving. A file that does not load is left alone
     * and autosave stays off; false then.
     */
    boolean start(Host host, ConfigFile loader, CommandOutput out) {
        errors = out;
        if (Autosave.exists(file)) {
            out.println("Restoring keys, policies and sysctls from " + file + ".");
            String text;
            try {
                text = RawText.decode(Files.readAllBytes(file));
            } catch (IOException e) {
                out.errorln("jsetkey: " + file + ": " + e.getMessage() + "; autosave is off, the file is kept");
                return false;
            }
            host.sysctl().reset();
            if (loader.run(text, file.toString(), new SetkeyPrinter(out)).failed()) {
                out.errorln("jsetkey: " + file + ": not restored; autosave is off, the file is kept");
                return false;
            }
            restored = true;
        }
        try {
            autosave = Autosave.start(host, file, message -> errors.errorln(message));
            return true;
        } catch (IOException e) {
            out.errorln("jsetkey: autosave: " + file + ": " + e.getMessage());
            return false;
        }
    }

    /** Runs a command's changes; written once at its end. A failed write fails the command. */
    SetkeyResult batch(Supplier<SetkeyResult> work) {
        Autosave a = autosave;
        if (a == null) {
            return work.get();
        }
        try {
            return a.batch(work);
        } catch (IOException e) {
            errors.errorln("autosave: " + file + ": " + FileErrors.reason(e) + " (the change is not on disk)");
            return new SetkeyResult(0, 1, false);
        }
    }

    void writeNow() throws IOException {
        autosave.write();
    }

    @Override
    public void close() {
        Autosave a = autosave;
        if (a != null) {
            a.close();
        }
    }
}
