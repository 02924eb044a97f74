package org.jsetkey.engine.stack;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;

/**
 * The AH/ESP/IPComp layers a received packet came through, outermost first, written in place
 * packet after packet; {@link Protection} values are made only when someone asks for them.
 */
final class LayerTrail {
    private final SaType[] types;
    private final long[] spis;
    private final SaMode[] modes;
    private final IpAddress[] sources;
    private final IpAddress[] destinations;
    private final long[] sequences;
    private int size;

    /** @param capacity the most layers one packet may carry */
    LayerTrail(int capacity) {
        types = new SaType[capacity];
        spis = new long[capacity];
        modes = new SaMode[capacity];
        sources = new IpAddress[capacity];
        destinations = new IpAddress[capacity];
        sequences = new long[capacity];
    }

    void clear() {
        size = 0;
    }

    /** Adds a layer; the caller bounds the count (the input path refuses a packet with more). */
    void add(SaType type, long spi, SaMode mode, IpAddress src, IpAddress dst, long sequence) {
        types[size] = type;
        spis[size] = spi;
        modes[size] = mode;
        sources[size] = src;
        destinations[size] = dst;
        sequences[size] = sequence;
        size++;
    }

    int size() {
        return size;
    }

    SaType type(int i) {
        return types[i];
    }

    long spi(int i) {
        return spis[i];
    }

    SaMode mode(int i) {
        return modes[i];
    }

    IpAddress source(int i) {
        return sources[i];
    }

    IpAddress destination(int i) {
        return destinations[i];
    }

    /** The layers as values a caller may keep. */
    List<Protection> toList() {
        if (size == 0) {
            return List.of();
        }
        List<Protection> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Protection(types[i], spis[i], modes[i], sources[i], destinations[i], sequences[i]));
        }
        return List.copyOf(out);
    }
}
