package org.jsetkey.engine.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The packets one thread works in, reused call after call so the datapath makes no buffer per
 * packet. A path {@link #mark}s on entry, {@link #take}s a packet per stage (each take a packet
 * no open stage holds) and {@link #release}s to the mark on exit; a path entered again from inside
 * (a packet to this host itself, an echo reply sent while a request is delivered) takes packets
 * beyond the outer path's, so it never writes over them.
 */
public final class PacketScratch {
    private static final int CAPACITY = 2048;
    private static final ThreadLocal<PacketScratch> MINE = ThreadLocal.withInitial(PacketScratch::new);

    private final List<Packet> packets = new ArrayList<>();
    private int used;

    private PacketScratch() {
    }

    /** This thread's packets. */
    public static PacketScratch get() {
        return MINE.get();
    }

    /** Where a path starts taking; hand it to {@link #release} when the path is done. */
    public int mark() {
        return used;
    }

    /** A packet for one stage, empty, valid until {@link #release} goes back past it. */
    public Packet take() {
        if (used == packets.size()) {
            packets.add(new Packet(CAPACITY));
        }
        return packets.get(used++).reserve(0);
    }

    /** Gives back every packet taken since {@code mark}. */
    public void release(int mark) {
        used = mark;
    }
}
