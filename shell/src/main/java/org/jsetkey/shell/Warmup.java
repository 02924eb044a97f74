package org.jsetkey.shell;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The JDK's own set-up that nearly every run meets right after reading its flags, begun on a
 * second thread so that it overlaps with them: the time-zone rules (java.time's provider lookup
 * opens every jar on the class path), the security providers and seed behind the host's
 * SecureRandom, and java.time's predefined formatters (the dump printer's dates). Only the
 * JDK's caches keep what it does; the main thread, arriving at the same set-up, waits for it or
 * finds it done.
 */
final class Warmup {
    private Warmup() {
    }

    static void start() {
        Thread t = new Thread(Warmup::run, "jsetkey-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            ZoneId.systemDefault().getRules();
            new SecureRandom().nextInt();
            DateTimeFormatter.ISO_LOCAL_DATE.hashCode(); // its predefined formatters, built when the class initialises
        } catch (Throwable e) {
            // the main thread meets the same failure where it needs these, and reports it there
        }
    }
}
