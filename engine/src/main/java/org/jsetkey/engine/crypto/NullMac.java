package org.jsetkey.engine.crypto;

/** -A null: no ICV at all. */
final class NullMac implements PacketMac {
    @Override
    public int icvBytes() {
        return 0;
    }

    @Override
    public byte[] icv(byte[] data, int off, int len) {
        return new byte[0];
    }
}
