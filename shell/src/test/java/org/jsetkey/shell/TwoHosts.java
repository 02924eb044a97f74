package org.jsetkey.shell;

import java.io.IOException;

/**
 * The lab most tests start from: phoenix and cardinal of the FreeBSD how-to as two hosts in this
 * JVM, each the other's link peer, each with the program's shell.
 */
final class TwoHosts implements AutoCloseable {
    static final String PHOENIX = "192.0.2.10";
    static final String CARDINAL = "198.51.100.20";
    static final String PHOENIX6 = "2001:db8:1::10";
    static final String CARDINAL6 = "2001:db8:2::20";

    final LabHost phoenix;
    final LabHost cardinal;

    private TwoHosts(boolean interactive, boolean ipv6) throws IOException {
        phoenix = ipv6 ? new LabHost("phoenix", interactive, PHOENIX, PHOENIX6)
                : new LabHost("phoenix", interactive, PHOENIX);
        try {
            cardinal = ipv6 ? new LabHost("cardinal", CARDINAL, CARDINAL6) : new LabHost("cardinal", CARDINAL);
        } catch (IOException | RuntimeException e) {
            phoenix.close();
            throw e;
        }
        phoenix.peer(cardinal);
        cardinal.peer(phoenix);
        awaitQuietLink();
    }

    /**
     * Waits (bounded) until no announcement or answer has crossed for a moment: on a loaded
     * machine the first announcement can be handled after both hosts know each other, and its
     * answer would otherwise land in a capture a test starts next.
     */
    private void awaitQuietLink() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long seen = -1;
        while (System.nanoTime() < deadline) {
            long now = phoenix.controlPackets() + cardinal.controlPackets();
            if (now == seen) {
                return;
            }
            seen = now;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** IPv4 addresses only; commands come as from standard input (ping without -c sends 4). */
    static TwoHosts v4() throws IOException {
        return new TwoHosts(false, false);
    }

    /** IPv4 and IPv6 addresses on each. */
    static TwoHosts dualStack() throws IOException {
        return new TwoHosts(false, true);
    }

    /** IPv4 and IPv6, phoenix's commands as typed at the console (ping without -c runs until interrupted). */
    static TwoHosts dualStackConsole() throws IOException {
        return new TwoHosts(true, true);
    }

    /** Each host loads its configuration; phoenix's output so far is cleared. */
    TwoHosts load(String phoenixConfig, String cardinalConfig) {
        phoenix.setkey(phoenixConfig);
        cardinal.setkey(cardinalConfig);
        phoenix.clear();
        return this;
    }

    /** Both load the how-to's keys and policies (AH over ESP), as the demo does. */
    TwoHosts loadHowto() throws IOException {
        return load(Demo.config("phoenix"), Demo.config("cardinal"));
    }

    @Override
    public void close() {
        try {
            phoenix.close();
        } finally {
            cardinal.close();
        }
    }
}
