package org.jsetkey.engine.xform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jsetkey.engine.crypto.NoTransformException;
import org.jsetkey.engine.crypto.SaCrypto;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;

/**
 * Applies and removes AH, ESP and IPComp on raw IPv4/IPv6 packets. One instance per host is
 * enough; it is thread-safe. A bundle is built by sealing once per SA, innermost first
 * (esp then ah gives {@code IP | AH | ESP | payload}), and peeled by opening once per header.
 *
 * <p>Every refusal is an {@link XformException} with a {@link XformFailure} kind; a malformed or
 * forged packet never causes any other exception. Successful calls count a packet and its bytes on
 * the SA and mark it used; ICV failures and replays are counted on the SA as well.
 *
 * <p>Bytes are counted as FreeBSD's key_sa_recordxfer() does: the whole IP packet as it is when
 * the SA's work is done, i.e. outbound with the SA's header (and trailer) added, inbound with
 * them removed (in tunnel mode still under the outer IP header, as ipsec4_common_input_cb sees it).
 */
public final class Xform {
    private final Clock clock;
    private final AtomicInteger ipId = new AtomicInteger();
    private final Esp esp;
    private final Ah ah = new Ah();
    private final IpComp ipcomp = new IpComp();
    private volatile Supplier<Tunables> tunables = () -> Tunables.DEFAULTS;

    public Xform() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    /** @param random source of CBC IVs, random padding, and the first outer IPv4 id */
    public Xform(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.esp = new Esp(random);
        this.ipId.set(random.nextInt(0x10000));
    }

    /** Where the sysctl knobs come from; read once per packet (the host passes its sysctl tree). */
    public void tunables(Supplier<Tunables> source) {
        this.tunables = source;
    }

    /**
     * Protects {@code ip} with one SA.
     *
     * @param mode      TRANSPORT inserts the header after the IP header (and the IPv6 hop-by-hop, routing
     *                  and fragment headers); TUNNEL wraps the whole packet in a new outer header
     *                  tunnelSrc→tunnelDst (the families may differ from the inner packet); ANY = TRANSPORT
     * @param tunnelSrc outer source for TUNNEL (ignored otherwise)
     * @param tunnelDst outer destination for TUNNEL (ignored otherwise)
     * @return the new packet (the input is not modified)
     */
    public byte[] seal(byte[] ip, SaEntry sa, SaMode mode, IpAddress tunnelSrc, IpAddress tunnelDst)
            throws XformException {
        Packet p = Packet.copyOf(ip);
        seal(p, sa, mode, tunnelSrc, tunnelDst);
        return p.toByteArray();
    }

    /**
     * Protects the packet {@code p} with one SA in place: the header goes into its headroom, the
     * trailer and ICV into its tailroom, the payload is encrypted where it lies (the datapath's form:
     * no array is made for the packet). On failure the packet may be half-built: drop it.
     */
    public void seal(Packet p, SaEntry sa, SaMode mode, IpAddress tunnelSrc, IpAddress tunnelDst)
            throws XformException {
        SaCrypto crypto = crypto(sa);
        Tunables knobs = tunables.get();
        if (mode == SaMode.TUNNEL) {
            Envelope.tunnel(p, tunnelSrc, tunnelDst, ipId.getAndIncrement(), knobs);
        } else {
            Envelope.transport(p);
        }
        switch (sa.sa().type()) {
            case ESP:
                esp.seal(p, sa, crypto);
                break;
            case AH:
                ah.seal(p, sa, crypto, knobs);
                break;
            default:
                ipcomp.seal(p, sa, crypto);
                break;
        }
        sa.countPacket();
        sa.addBytes(p.length());
        markUsed(sa);
    }

    /**
     * Verifies and removes the first AH/ESP/IPComp header (see {@link IpsecHeaders#locate}) with
     * {@code sa}: replay pre-check, constant-time ICV check, window update, decryption, padding check.
     */
    public Opened open(byte[] ip, SaEntry sa) throws XformException {
        return open(Packet.wrap(ip), sa, new Packet(ip.length));
    }

    /**
     * The same on a packet value, the result written into {@code out} (the datapath's form: the
     * caller reuses {@code out}). {@code in} is only read; a tunnel's inner packet in {@code out}
     * takes the outer header's ECN mark as net.inet.ipsec.ecn says.
     */
    public Opened open(Packet in, SaEntry sa, Packet out) throws XformException {
        return open(in, sa, out, new Opened());
    }

    /**
     * The same with the result written into {@code into}: the input path's form, which reuses one
     * result packet after packet. The header is the one {@link IpsecHeaders#spi} found in
     * {@code in}'s parse.
     */
    public Opened open(Packet in, SaEntry sa, Packet out, Opened into) throws XformException {
        long spi = IpsecHeaders.spi(in);
        if (spi < 0) {
            throw new XformException(XformFailure.NO_HEADER, "no AH, ESP or IPComp header in the packet");
        }
        checkSa(in.protocol(), spi, sa);
        SaCrypto crypto = crypto(sa);
        Opened result;
        switch (sa.sa().type()) {
            case ESP:
                result = esp.open(in, sa, crypto, out, into);
                break;
            case AH:
                result = ah.open(in, sa, crypto, tunables.get(), out, into);
                break;
            default:
                result = ipcomp.open(in, spi, sa, crypto, out, into);
                break;
        }
        sa.countPacket();
        sa.addBytes(result.tunnel() ? in.upperOffset() + result.length() : result.length());
        markUsed(sa);
        if (result.tunnel()) {
            Ecn.decapsulate(in, result.view(), tunables.get());
        }
        return result;
    }

    /**
     * The parts of the ESP header that is the first IPsec header of {@code ip}, decrypted with
     * {@code sa} (pass a detached copy: nothing is counted and no replay window moves).
     */
    public EspParts espParts(byte[] ip, SaEntry sa) throws XformException {
        IpsecHeader h = IpsecHeaders.locate(ip);
        if (h == null || h.protocol() != IpProtocol.ESP.number()) {
            throw new XformException(XformFailure.NO_HEADER, "no ESP header first in the packet");
        }
        checkSa(h.protocol(), h.spi(), sa);
        return esp.parts(ip, h, IpView.parse(ip).end(), sa, crypto(sa));
    }

    /**
     * The bits of {@code ip} in front of the AH header at {@code ahOffset} that AH zeroes before
     * computing its ICV (RFC 4302 3.3.3.1), as a mask as long as that front part.
     */
    public byte[] ahMutableMask(byte[] ip, int ahOffset) {
        return MutableFields.mask(ip, ahOffset, tunables.get());
    }

    /** An SA keeps its first use; the clock is read only for that one (not once per packet). */
    private void markUsed(SaEntry sa) {
        if (sa.lastUsedMillis() == 0) {
            sa.markUsed(clock.millis());
        }
    }

    private static SaCrypto crypto(SaEntry sa) throws XformException {
        if (sa.sa().type() == SaType.TCP) {
            throw new XformException(XformFailure.NO_TRANSFORM, "no transform for "
                    + (sa.sa().authAlg() == null ? "tcp" : sa.sa().authAlg().name()));
        }
        try {
            return sa.crypto();
        } catch (NoTransformException e) {
            throw new XformException(XformFailure.NO_TRANSFORM, e.getMessage());
        }
    }

    private static void checkSa(int protocol, long headerSpi, SaEntry entry) throws XformException {
        SaType type = entry.sa().type();
        if (type.ipProtocol() != protocol) {
            throw new XformException(XformFailure.WRONG_SA, "packet carries protocol " + protocol
                    + " but SA " + entry.id() + " is " + type.keyword());
        }
        long spi = entry.sa().spi();
        if (type == SaType.IPCOMP) {
            boolean ok = headerSpi == (spi & 0xffff);
            if (!ok && entry.sa().compAlg() != null && !entry.sa().rawCpi()) {
                ok = headerSpi == entry.sa().compAlg().sadbId();
            }
            if (!ok) {
                throw new XformException(XformFailure.WRONG_SA, "IPComp CPI " + headerSpi + " does not belong to SA "
                        + entry.id());
            }
        } else if (headerSpi != spi) {
            throw new XformException(XformFailure.WRONG_SA, String.format("SPI 0x%08x does not belong to SA %s",
                    headerSpi, entry.id()));
        }
    }

    /**
     * Puts {@code src[off..off+len)} behind the part of {@code in} in front of the removed header
     * (the header at {@code in}'s upper offset), in {@code out}; unwraps tunnel mode.
     */
    static Opened finish(Packet in, int nextHeader, byte[] src, int off, int len, long seq, Packet out, Opened into) {
        int head = in.upperOffset();
        out.reserve(head + len);
        System.arraycopy(src, off, out.buffer(), out.offset() + head, len);
        return placed(in, nextHeader, len, seq, out, into);
    }

    /**
     * The opened packet whose {@code len} bytes of body already lie in {@code out} behind room for
     * the head (the bytes of {@code in} in front of the removed header): a tunnel's inner packet is
     * the body itself; in transport mode the head is copied in front and names the next header.
     */
    static Opened placed(Packet in, int nextHeader, int len, long seq, Packet out, Opened into) {
        int head = in.upperOffset();
        out.length(head + len);
        if (nextHeader == IpProtocol.IPV4.number() || nextHeader == IpProtocol.IPV6.number()) {
            out.trimFront(head);
            return into.set(out, true, seq);
        }
        System.arraycopy(in.buffer(), in.offset(), out.buffer(), out.offset(), head);
        Envelope.fix(out, in.version(), head, in.fieldOffset(), nextHeader);
        out.addressesOf(in);
        return into.set(out, false, seq);
    }
}
