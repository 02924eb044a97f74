package org.jsetkey.engine.nat;

/** Incremental Internet checksum update (RFC 1624 eqn. 3) for rewritten 16-bit words. */
final class Checksums {
    private Checksums() {
    }

    /** HC' = ~(~HC + ~m + m') over the words of {@code old} (m) and {@code neu} (m'), same length. */
    static int update(int checksum, byte[] old, byte[] neu) {
        long sum = ~checksum & 0xffff;
        for (int i = 0; i + 1 < old.length; i += 2) {
            sum += ~(((old[i] & 0xff) << 8) | (old[i + 1] & 0xff)) & 0xffff;
            sum += ((neu[i] & 0xff) << 8) | (neu[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
