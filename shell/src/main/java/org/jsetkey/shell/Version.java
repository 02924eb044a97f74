package org.jsetkey.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program version, filled in by the build. */
final class Version {
    private Version() {
    }

    static String text() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return "jsetkey " + p.getProperty("version", "unknown");
    }
}
