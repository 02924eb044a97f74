package org.jsetkey.engine.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.net.PacketScratch;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SpiLookup;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.stats.XformStat;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.xform.IpsecHeader;
import org.jsetkey.engine.xform.IpsecHeaders;
import org.jsetkey.engine.xform.NatTChecksum;
import org.jsetkey.engine.xform.Opened;
import org.jsetkey.engine.xform.XformException;

/**
 * The IP input path: AH/ESP/IPComp headers are peeled one at a time (SA lookup by dst,
 * protocol and SPI; replay, ICV, decryption in the transform), then the inbound policy
 * decides, then the packet is delivered or forwarded. Every failure is a counted drop.
 */
final class InputPath {
    /** More nested IPsec layers than this is an attack, not a configuration. */
    private static final int MAX_LAYERS = 8;

    private final Datapath dp;
    private final InboundPolicy policy;
    private final NatTInput natt;

    private final IntSupplier espEnable;
    private final IntSupplier ahEnable;
    private final IntSupplier ipcompEnable;

    InputPath(Datapath dp) {
        this.dp = dp;
        this.espEnable = dp.sysctl().reader(SysctlNames.ESP_ENABLE);
        this.ahEnable = dp.sysctl().reader(SysctlNames.AH_ENABLE);
        this.ipcompEnable = dp.sysctl().reader(SysctlNames.IPCOMP_ENABLE);
        this.policy = new InboundPolicy(dp);
        this.natt = new NatTInput(dp);
    }

    /**
     * The packet {@code wire} as it arrived (parsed already when the link checked it). The layers
     * are opened into packets taken from this thread's {@link PacketScratch}: the caller marks it
     * before and releases it once it is done with what this returns.
     */
    Received receive(Packet wire) {
        try {
            return process(wire);
        } catch (RuntimeException e) {
            return malformed(false, "packet could not be processed: " + e);
        }
    }

    private Received process(Packet wire) {
        try {
            if (!wire.parsed()) {
                wire.parse();
            }
        } catch (IllegalArgumentException e) {
            return malformed(false, e.getMessage());
        }
        boolean v6 = wire.v6();
        if (!dp.isLocal(wire.destination())) {
            return forwardOrDrop(wire, v6);
        }
        Packet ip = wire;
        NatTInput.Decap encap = null;
        if (wire.protocol() == IpProtocol.UDP.number()) {
            NatTInput.Outcome o = natt.receive(wire, v6);
            if (o == NatTInput.Verdict.DROP) {
                return Received.DROPPED;
            }
            if (o == NatTInput.Verdict.KEY_MANAGEMENT) {
                return new Received.Deliver(new Delivered(dp.clock().millis(), wire, wire, List.of()));
            }
            if (o instanceof NatTInput.Decap d) {
                encap = d;
                ip = PacketScratch.get().take().load(d.packet(), 0, d.packet().length);
            }
        }
        Layers layers = new Layers();
        for (int i = 0; i < MAX_LAYERS; i++) {
            IpsecHeader h;
            try {
                h = IpsecHeaders.locate(ip);
            } catch (XformException e) {
                return malformed(v6, e.detail());
            }
            if (h == null) {
                break;
            }
            Opened opened = open(ip, h, v6, i == 0 ? encap : null, layers);
            if (opened == null) {
                return Received.DROPPED;
            }
            ip = opened.view();
            if (opened.tunnel()) {
                v6 = (ip.u8(0) & 0xf0) == 0x60;
                if (!dp.isLocal(ip.destination())) {
                    return policy.allows(ip, layers.list, v6) ? forwardOrDrop(ip, v6) : Received.DROPPED;
                }
            }
        }
        UncompressedTunnel.Inner plain = UncompressedTunnel.of(dp.sad(), ip);
        if (plain != null) {
            Packet inner = PacketScratch.get().take().load(plain.packet(), 0, plain.packet().length);
            try {
                inner.parse();
            } catch (IllegalArgumentException e) {
                return malformed(v6, "IP-in-IP of an IPComp tunnel: " + e.getMessage());
            }
            layers.add(new Protection(SaType.IPCOMP, plain.sa().sa().spi(), SaMode.TUNNEL, ip.source(),
                    ip.destination(), 0));
            ip = inner;
            v6 = ip.v6();
            if (!dp.isLocal(ip.destination())) {
                return policy.allows(ip, layers.list, v6) ? forwardOrDrop(ip, v6) : Received.DROPPED;
            }
        }
        if (!policy.allows(ip, layers.list, v6)) {
            return Received.DROPPED;
        }
        return new Received.Deliver(new Delivered(dp.clock().millis(), ip, wire, layers.list));
    }

    /**
     * The layers a packet came through, outermost first, kept as the immutable list its delivery
     * holds: one value for the usual single layer, which the delivery takes without a copy.
     */
    private static final class Layers {
        List<Protection> list = List.of();

        void add(Protection p) {
            if (list.isEmpty()) {
                list = List.of(p);
            } else {
                List<Protection> more = new ArrayList<>(list);
                more.add(p);
                list = List.copyOf(more);
            }
        }
    }

    /** Removes the layer {@code h} names and adds what it was to {@code layers}; null when it is dropped. */
    private Opened open(Packet ip, IpsecHeader h, boolean v6, NatTInput.Decap encap, Layers layers) {
        SaType type = SaType.byIpProtocol(h.protocol());
        IpAddress src = ip.source();
        IpAddress dst = ip.destination();
        // FreeBSD's ipsec_common_input counts "packets in" first, before any check can drop it
        dp.counters().add(type, XformStat.INPUT);
        if (!enabled(type)) {
            dp.drops().drop(DropReason.PROTOCOL_DISABLED, v6, type, type.keyword() + " input is disabled by sysctl",
                    List.of());
            return null;
        }
        SaEntry sa = SpiLookup.inbound(dp.sad(), dst, type, h.spi());
        if (sa == null) {
            Diagnosis d = Diagnosis.unknownSpi(dp.sad(), src, dst, type, h.spi());
            dp.drops().drop(DropReason.UNKNOWN_SPI, v6, type, d.summary(), d.details());
            return null;
        }
        if (!sa.state().usable()) {
            dp.drops().drop(DropReason.SA_NOT_USABLE, v6, type, type.keyword() + " SA spi " + sa.sa().spi() + " is "
                    + sa.state().keyword(), List.of());
            return null;
        }
        if (type == SaType.ESP && (encap != null) != (sa.natT() != null)) {
            Diagnosis d = Diagnosis.encapsulationMismatch(sa, src, dst, encap == null ? null
                    : encap.sport() + " > " + encap.dport());
            dp.drops().drop(d.reason(), v6, type, d.summary(), d.details());
            return null;
        }
        Opened opened;
        try {
            opened = dp.xform().open(ip, h, sa, PacketScratch.get().take());
        } catch (XformException e) {
            Diagnosis d = Diagnosis.failedOpen(sa, src, dst, e);
            dp.drops().drop(d.reason(), v6, type, d.summary(), d.details());
            return null;
        }
        dp.counters().add(type, XformStat.IBYTES, ip.length());
        if (encap != null) {
            natt.follow(sa, encap.sport());
            if (!opened.tunnel()) {
                Packet p = opened.view();
                byte[] bytes = p.toByteArray();
                NatTChecksum.adjust(bytes, sa.natT().originalAddress(),
                        dp.sysctl().getInt(SysctlNames.IPSEC_NATT_CKSUM_POLICY));
                p.load(bytes, 0, bytes.length);
            }
        }
        layers.add(new Protection(type, sa.sa().spi(), opened.tunnel() ? SaMode.TUNNEL : SaMode.TRANSPORT, src, dst,
                opened.sequence()));
        return opened;
    }

    private boolean enabled(SaType type) {
        IntSupplier knob = type == SaType.ESP ? espEnable : type == SaType.AH ? ahEnable : ipcompEnable;
        return knob.getAsInt() != 0;
    }

    private Received forwardOrDrop(Packet ip, boolean v6) {
        String knob = v6 ? SysctlNames.IP6_FORWARDING : SysctlNames.IP_FORWARDING;
        if (dp.sysctl().getInt(knob) == 0) {
            dp.drops().drop(DropReason.NOT_FOR_US, v6, null, ip.source() + " > " + ip.destination()
                    + " is not for this host and " + knob + "=0", List.of());
            return Received.DROPPED;
        }
        return new Received.Forward(ip);
    }

    private Received malformed(boolean v6, String why) {
        dp.drops().drop(DropReason.MALFORMED, v6, null, why, List.of());
        return Received.DROPPED;
    }
}
