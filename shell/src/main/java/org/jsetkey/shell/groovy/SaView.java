package org.jsetkey.shell.groovy;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SecurityAssociation;

/** One SAD entry for scripts, read at the moment it was listed (keys are not shown). */
public final class SaView {
    private final String src;
    private final String dst;
    private final String proto;
    private final long spi;
    private final String mode;
    private final long reqid;
    private final String state;
    private final String enc;
    private final String auth;
    private final String comp;
    private final long replay;
    private final long seq;
    private final long packets;
    private final long bytes;

    SaView(SaEntry e) {
        SecurityAssociation sa = e.sa();
        src = sa.src().format();
        dst = sa.dst().format();
        proto = sa.type().keyword();
        spi = sa.spi();
        mode = sa.mode().keyword();
        reqid = sa.reqid();
        state = e.state().keyword();
        enc = name(sa.encAlg());
        auth = name(sa.authAlg());
        comp = name(sa.compAlg());
        replay = sa.replay();
        seq = e.sequence();
        packets = e.packets();
        bytes = e.bytes();
    }

    private static String name(Algorithm a) {
        return a == null ? null : a.name();
    }

    public String getSrc() {
        return src;
    }

    public String getDst() {
        return dst;
    }

    /** {@code esp}, {@code ah} or {@code ipcomp}. */
    public String getProto() {
        return proto;
    }

    public long getSpi() {
        return spi;
    }

    public String getMode() {
        return mode;
    }

    public long getReqid() {
        return reqid;
    }

    /** {@code larval}, {@code mature}, {@code dying} or {@code dead}. */
    public String getState() {
        return state;
    }

    /** The -E algorithm name, or null. */
    public String getEnc() {
        return enc;
    }

    /** The -A algorithm name, or null. */
    public String getAuth() {
        return auth;
    }

    /** The -C algorithm name, or null. */
    public String getComp() {
        return comp;
    }

    public long getReplay() {
        return replay;
    }

    /** The last sequence number used or seen. */
    public long getSeq() {
        return seq;
    }

    public long getPackets() {
        return packets;
    }

    public long getBytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return src + " " + dst + " " + proto + " " + spi + " " + mode + " " + state;
    }
}
