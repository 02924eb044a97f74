package org.jsetkey.engine.crypto;

/**
 * A keyed integrity function for one SA, keyed once. {@link #icv} returns the value carried
 * in the packet (already truncated). Implementations are safe for concurrent use.
 */
public interface PacketMac {
    /** Bytes placed in AH/ESP (0 for null). */
    int icvBytes();

    byte[] icv(byte[] data, int off, int len);

    /**
     * The ICV over {@code a[aOff..+aLen)} followed by {@code b[bOff..+bLen)}, written to {@code out}
     * at {@code outOff}: the datapath's form, with no copy of the packet where the implementation allows.
     */
    default void icvInto(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, byte[] out, int outOff) {
        byte[] joined = new byte[aLen + bLen];
        System.arraycopy(a, aOff, joined, 0, aLen);
        System.arraycopy(b, bOff, joined, aLen, bLen);
        System.arraycopy(icv(joined, 0, joined.length), 0, out, outOff, icvBytes());
    }

    /** In constant time: whether the ICV over a then b equals {@code want[wantOff..+icvBytes())}. */
    default boolean verify(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, byte[] want, int wantOff) {
        byte[] got = new byte[icvBytes()];
        icvInto(a, aOff, aLen, b, bOff, bLen, got, 0);
        return equalInConstantTime(got, 0, want, wantOff, got.length);
    }

    static boolean equalInConstantTime(byte[] x, int xOff, byte[] y, int yOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= x[xOff + i] ^ y[yOff + i];
        }
        return diff == 0;
    }
}
