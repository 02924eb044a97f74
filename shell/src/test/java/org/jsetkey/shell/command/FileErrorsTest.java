package org.jsetkey.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class FileErrorsTest {
    @Test
    void theReasonIsWordedAsErrnoAndThePathAppearsOnce() {
        Path p = Path.of("/x/y.conf");
        assertEquals("/x/y.conf: No such file or directory", FileErrors.describe(p, new NoSuchFileException("/x/y.conf")));
        assertEquals("/x/y.conf: Permission denied", FileErrors.describe(p, new AccessDeniedException("/x/y.conf")));
        assertEquals("File exists", FileErrors.reason(new FileAlreadyExistsException("/x")));
        assertEquals("Not a directory", FileErrors.reason(new NotDirectoryException("/x")));
        assertEquals("Read-only file system",
                FileErrors.reason(new FileSystemException("/x/y.conf", null, "Read-only file system")));
        assertEquals("Permission denied",
                FileErrors.reason(new FileNotFoundException("/x/y.conf (Permission denied)")));
        assertEquals("Is a directory", FileErrors.reason(new IOException("Is a directory")));
    }
}
