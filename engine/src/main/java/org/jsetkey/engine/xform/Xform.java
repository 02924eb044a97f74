package org.jsetkey.engine.xform;

import java.security.SecureRandom;
import java.util.Arrays;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jsetkey.engine.crypto.NoTransformException;
import org.jsetkey.engine.crypto.SaCrypto;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
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
        SaCrypto crypto = crypto(sa);
        Tunables knobs = tunables.get();
        Envelope env = mode == SaMode.TUNNEL
                ? Envelope.tunnel(ip, tunnelSrc, tunnelDst, ipId.getAndIncrement(), knobs)
                : Envelope.transport(ip);
        byte[] out;
        switch (sa.sa().type()) {
            case ESP:
                out = esp.seal(env, sa, crypto);
                break;
            case AH:
                out = ah.seal(env, sa, crypto, knobs);
                break;
            default:
                out = ipcomp.seal(env, sa, crypto);
                break;
        }
        sa.countPacket();
        sa.addBytes(out.length);
        sa.markUsed(clock.millis());
        return out;
    }

    /**
     * Verifies and removes the first AH/ESP/IPComp header (see {@link IpsecHeaders#locate}) with
     * {@code sa}: replay pre-check, constant-time ICV check, window update, decryption, padding check.
     */
    public Opened open(byte[] ip, SaEntry sa) throws XformException {
        IpsecHeader h = IpsecHeaders.locate(ip);
        if (h == null) {
            throw new XformException(XformFailure.NO_HEADER, "no AH, ESP or IPComp header in the packet");
        }
        checkSa(h, sa);
        SaCrypto crypto = crypto(sa);
        int end = IpView.parse(ip).end();
        Opened result;
        switch (sa.sa().type()) {
            case ESP:
                result = esp.open(ip, h, end, sa, crypto);
                break;
            case AH:
                result = ah.open(ip, h, end, sa, crypto, tunables.get());
                break;
            default:
                result = ipcomp.open(ip, h, end, sa, crypto);
                break;
        }
        sa.countPacket();
        sa.addBytes(result.tunnel() ? h.offset() + result.length() : result.length());
        sa.markUsed(clock.millis());
        return result.tunnel() ? Ecn.decapsulate(ip, result, tunables.get()) : result;
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
        checkSa(h, sa);
        return esp.parts(ip, h, IpView.parse(ip).end(), sa, crypto(sa));
    }

    /**
     * The bits of {@code ip} in front of the AH header at {@code ahOffset} that AH zeroes before
     * computing its ICV (RFC 4302 3.3.3.1), as a mask as long as that front part.
     */
    public byte[] ahMutableMask(byte[] ip, int ahOffset) {
        return MutableFields.mask(ip, ahOffset, tunables.get());
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

    private static void checkSa(IpsecHeader h, SaEntry entry) throws XformException {
        SaType type = entry.sa().type();
        if (type.ipProtocol() != h.protocol()) {
            throw new XformException(XformFailure.WRONG_SA, "packet carries protocol " + h.protocol()
                    + " but SA " + entry.id() + " is " + type.keyword());
        }
        long spi = entry.sa().spi();
        if (type == SaType.IPCOMP) {
            boolean ok = h.spi() == (spi & 0xffff);
            if (!ok && entry.sa().compAlg() != null && !entry.sa().rawCpi()) {
                ok = h.spi() == entry.sa().compAlg().sadbId();
            }
            if (!ok) {
                throw new XformException(XformFailure.WRONG_SA, "IPComp CPI " + h.spi() + " does not belong to SA "
                        + entry.id());
            }
        } else if (h.spi() != spi) {
            throw new XformException(XformFailure.WRONG_SA, String.format("SPI 0x%08x does not belong to SA %s",
                    h.spi(), entry.id()));
        }
    }

    /** Puts {@code body} behind the part in front of the removed header; unwraps tunnel mode. */
    static Opened finish(byte[] ip, IpsecHeader h, int nextHeader, byte[] body, long seq) {
        return finish(ip, h, nextHeader, body, 0, body.length, seq);
    }

    /** The same with the body at {@code src[off..off+len)}, copied once into the new packet. */
    static Opened finish(byte[] ip, IpsecHeader h, int nextHeader, byte[] src, int off, int len, long seq) {
        if (nextHeader == IpProtocol.IPV4.number() || nextHeader == IpProtocol.IPV6.number()) {
            return new Opened(Arrays.copyOfRange(src, off, off + len), true, seq);
        }
        Envelope env = Envelope.opening(ip, h);
        byte[] out = env.start(env.headLength() + len);
        System.arraycopy(src, off, out, env.headLength(), len);
        env.fix(out, nextHeader);
        return new Opened(out, false, seq);
    }
}
