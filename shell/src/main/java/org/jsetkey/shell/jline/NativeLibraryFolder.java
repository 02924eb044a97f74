package org.jsetkey.shell.jline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points JLine at its native terminal library as the build unpacked it beside the program's jar
 * ({@code lib/jline-native/OS/ARCH/}), so that JLine loads it from there instead of copying it
 * out of its jar into the temporary folder at every start. The user's own setting wins.
 */
public final class NativeLibraryFolder {
    static final String PROPERTY = "library.jline.path";

    private NativeLibraryFolder() {
    }

    /** Sets {@value #PROPERTY} when it is unset and the folder is there; otherwise JLine does as it always did. */
    public static void useUnpacked(Class<?> fromJar) {
        try {
            useUnpackedBeside(Path.of(fromJar.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception | LinkageError e) {
            // no code source (or not a file): JLine extracts its library as before
        }
    }

    /** The same for the program's jar at {@code jar}; returns the folder set, or null. */
    static Path useUnpackedBeside(Path jar) {
        Path folder = jar.resolveSibling("lib").resolve("jline-native");
        if (System.getProperty(PROPERTY) != null || !Files.isDirectory(folder)) {
            return null;
        }
        System.setProperty(PROPERTY, folder.toString());
        return folder;
    }
}
