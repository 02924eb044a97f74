package org.jsetkey.engine.tool;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SpiLookup;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.stack.Protection;
import org.jsetkey.engine.xform.IpsecHeader;
import org.jsetkey.engine.xform.IpsecHeaders;
import org.jsetkey.engine.xform.Opened;
import org.jsetkey.engine.xform.UdpEncap;
import org.jsetkey.engine.xform.Xform;
import org.jsetkey.engine.xform.XformException;

/**
 * Looks inside a captured packet with the keys this host holds, without touching live SA
 * state (replay windows, counters): what {@code tcpdump} and scripts use to show the
 * decrypted inner packet. Works for packets in either direction as long as the SAD holds
 * the SA for the header's (dst, proto, spi).
 */
public final class Inspector {
    private static final int MAX_LAYERS = 8;

    private final Host host;
    private final Xform xform;

    public Inspector(Host host) {
        this.host = host;
        this.xform = new Xform(host.clock(), new java.security.SecureRandom());
        this.xform.tunables(host::tunables);
    }

    /** The host whose SAs this inspector reads. */
    public Host host() {
        return host;
    }

    /**
     * @param layers  the IPsec layers removed, outermost first
     * @param inner   the packet after removing them (the input itself when it had none)
     * @param failure why peeling stopped early, or null
     */
    public record Inspection(List<Protection> layers, byte[] inner, String failure) {
        public Inspection {
            layers = List.copyOf(layers);
            inner = inner.clone();
        }

        @Override
        public byte[] inner() {
            return inner.clone();
        }
    }

    public Inspection inspect(byte[] packet) {
        byte[] esp = UdpEncap.espInside(packet);
        byte[] ip = esp == null ? packet : esp;
        List<Protection> layers = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_LAYERS; i++) {
                IpsecHeader h = IpsecHeaders.locate(ip);
                if (h == null) {
                    return new Inspection(layers, ip, null);
                }
                SaType type = SaType.byIpProtocol(h.protocol());
                IpAddress src = IpPacket.source(ip);
                IpAddress dst = IpPacket.destination(ip);
                SaEntry live = SpiLookup.inbound(host.sad(), dst, type, h.spi());
                if (live == null) {
                    return new Inspection(layers, ip, "no SA for " + type.keyword() + " spi "
                            + SpiLookup.text(h.spi()) + " to " + dst);
                }
                Opened o = xform.open(ip, SaEntry.detachedCopy(live));
                layers.add(new Protection(type, h.spi(), o.tunnel() ? SaMode.TUNNEL : SaMode.TRANSPORT, src, dst,
                        o.sequence()));
                ip = o.packet();
            }
            return new Inspection(layers, ip, "too many nested IPsec layers");
        } catch (XformException e) {
            return new Inspection(layers, ip, e.kind() + ": " + e.detail());
        } catch (RuntimeException e) {
            return new Inspection(layers, ip, "unparseable: " + e.getMessage());
        }
    }
}
