package org.jsetkey.shell.command;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import org.jsetkey.engine.setkey.RawText;

/**
 * File errors worded as the C library words errno ({@code PATH: No such file or directory}),
 * the way setkey, tcpdump and the shell report them: the path once, then why.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * The text of {@code file}, or null when it cannot be read, after printing
     * {@code program: PATH: reason} as an error.
     */
    public static String read(Path file, String program, CommandOutput output) {
        try {
            return RawText.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            output.errorln(program + ": " + describe(file, e));
            return null;
        }
    }

    /** {@code PATH: reason}. */
    public static String describe(Path path, IOException e) {
        return path + ": " + reason(e);
    }

    /** Why the operation failed, without the path. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String m = e.getMessage();
        if (e instanceof FileNotFoundException && m != null && m.endsWith(")") && m.contains(" (")) {
            // java.io words it "PATH (reason)"
            return m.substring(m.lastIndexOf(" (") + 2, m.length() - 1);
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
