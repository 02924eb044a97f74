package org.jsetkey.shell.jline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryFolderTest {
    @TempDir
    Path dir;
    private String saved;

    @BeforeEach
    void clear() {
        saved = System.getProperty(NativeLibraryFolder.PROPERTY);
        System.clearProperty(NativeLibraryFolder.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(NativeLibraryFolder.PROPERTY);
        } else {
            System.setProperty(NativeLibraryFolder.PROPERTY, saved);
        }
    }

    @Test
    void theFolderTheBuildUnpackedBesideTheJarIsWhereJLineLooks() throws Exception {
        Path jar = Files.createFile(dir.resolve("jsetkey.jar"));
        Path folder = Files.createDirectories(dir.resolve("lib/jline-native/Linux/x86_64")).getParent().getParent();
        assertEquals(folder, NativeLibraryFolder.useUnpackedBeside(jar));
        assertEquals(folder.toString(), System.getProperty("library.jline.path"));
    }

    @Test
    void withoutTheFolderJLineExtractsItsLibraryAsBefore() throws Exception {
        assertNull(NativeLibraryFolder.useUnpackedBeside(Files.createFile(dir.resolve("jsetkey.jar"))));
        assertNull(System.getProperty("library.jline.path"));
    }

    @Test
    void theUsersOwnSettingWins() throws Exception {
        Files.createDirectories(dir.resolve("lib/jline-native"));
        System.setProperty("library.jline.path", "/opt/jline");
        assertNull(NativeLibraryFolder.useUnpackedBeside(dir.resolve("jsetkey.jar")));
        assertEquals("/opt/jline", System.getProperty("library.jline.path"));
    }
}
