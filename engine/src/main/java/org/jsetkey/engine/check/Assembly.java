package org.jsetkey.engine.check;

import java.io.ByteArrayOutputStream;

import org.jsetkey.engine.link.Peer;

/** The parts of one peer's summary as they arrive, in any order, duplicates ignored. */
final class Assembly {
    private final Peer peer;
    private byte[][] parts;
    private int received;
    private String refusal;

    Assembly(Peer peer) {
        this.peer = peer;
    }

    boolean from(Peer p) {
        return peer.endpoint().equals(p.endpoint());
    }

    synchronized void add(int i, int n, byte[] data) {
        if (parts == null) {
            parts = new byte[n][];
        }
        if (n != parts.length || parts[i] != null) {
            return;
        }
        parts[i] = data;
        received++;
        notifyAll();
    }

    synchronized void refuse(String why) {
        refusal = why;
        notifyAll();
    }

    synchronized String refusal() {
        return refusal;
    }

    private boolean done() {
        return refusal != null || (parts != null && received == parts.length);
    }

    /** Waits until complete or refused; true then. */
    synchronized boolean await(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!done()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The missing parts for a new ask, or null when nothing arrived yet (ask for all). */
    synchronized String missing() {
        if (parts == null) {
            return null;
        }
        boolean[] have = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            have[i] = parts[i] != null;
        }
        return Parts.ranges(have);
    }

    /** The whole summary, or null while parts are missing. */
    synchronized byte[] whole() {
        if (parts == null || received != parts.length) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
