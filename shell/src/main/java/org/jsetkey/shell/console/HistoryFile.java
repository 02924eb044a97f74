package org.jsetkey.shell.console;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/** Where the console keeps its history: {@code $JSETKEY_HISTORY}, else {@code ~/.jsetkey_history}; owner-only. */
public final class HistoryFile {
    public static final String ENV = "JSETKEY_HISTORY";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private HistoryFile() {
    }

    public static Path location(Map<String, String> env, String userHome) {
        String override = env.get(ENV);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(userHome, ".jsetkey_history");
    }

    /** The history of a console mode kept apart from the setkey one (Groovy: {@code ~/.jsetkey_history.groovy}). */
    public static Path forMode(Path main, String mode) {
        return mode == null ? main : main.resolveSibling(main.getFileName() + "." + mode);
    }

    /** Creates the file with mode 0600 if missing, and narrows its mode if it exists (keys get typed here). */
    public static void secure(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = Files.getFileStore(parent).supportsFileAttributeView("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            // keep it, but tighten below
        }
        if (posix) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
