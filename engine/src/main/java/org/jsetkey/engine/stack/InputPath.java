package org.jsetkey.engine.stack;

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
     * are opened into packets taken from this thread's {@link PacketScratch}, and what the verdict
     * refers to is written into {@code frame}: the caller marks the scratch and enters the frame
     * before, and releases and exits them once it is done with the verdict.
     */
    Received receive(Packet wire, InputFrame frame) {
        try {
            return process(wire, frame);
        } catch (RuntimeException e) {
            return malformed(false, "packet could not be processed: " + e);
        }
    }

    private Received process(Packet wire, InputFrame frame) {
        try {
            if (!wire.parsed()) {
                wire.parse();
            }
        } catch (IllegalArgumentException e) {
            return malformed(false, e.getMessage());
        }
        boolean v6 = wire.v6();
        if (!dp.isLocal(wire.destination())) {
            return forwardOrDrop(wire, v6, frame);
        }
        LayerTrail layers = frame.layers;
        Packet ip = wire;
        NatTInput.Decap encap = null;
        if (wire.protocol() == IpProtocol.UDP.number()) {
            NatTInput.Outcome o = natt.receive(wire, v6);
            if (o == NatTInput.Verdict.DROP) {
                return Received.DROPPED;
            }
            if (o == NatTInput.Verdict.KEY_MANAGEMENT) {
                frame.delivered.fill(dp.clock().millis(), wire, wire, layers);
                return Received.DELIVER;
            }
            if (o instanceof NatTInput.Decap d) {
                encap = d;
                ip = PacketScratch.get().take().load(d.packet(), 0, d.packet().length);
            }
        }
        for (int i = 0; i < InputFrame.MAX_LAYERS; i++) {
            long spi;
            try {
                spi = IpsecHeaders.spi(ip);
            } catch (XformException e) {
                return malformed(v6, e.detail());
            }
            if (spi < 0) {
                break;
            }
            Opened opened = open(ip, spi, v6, i == 0 ? encap : null, frame);
            if (opened == null) {
                return Received.DROPPED;
            }
            ip = opened.view();
            if (opened.tunnel()) {
                v6 = (ip.u8(0) & 0xf0) == 0x60;
                if (!dp.isLocal(ip.destination())) {
                    return policy.allows(ip, layers, v6) ? forwardOrDrop(ip, v6, frame) : Received.DROPPED;
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
            layers.add(SaType.IPCOMP, plain.sa().sa().spi(), SaMode.TUNNEL, ip.source(), ip.destination(), 0);
            ip = inner;
            v6 = ip.v6();
            if (!dp.isLocal(ip.destination())) {
                return policy.allows(ip, layers, v6) ? forwardOrDrop(ip, v6, frame) : Received.DROPPED;
            }
        }
        if (!policy.allows(ip, layers, v6)) {
            return Received.DROPPED;
        }
        frame.delivered.fill(dp.clock().millis(), ip, wire, layers);
        return Received.DELIVER;
    }

    /**
     * Removes the layer with {@code spi} that {@code ip}'s parse names and adds what it was to the
     * frame's layers; null when it is dropped.
     */
    private Opened open(Packet ip, long spi, boolean v6, NatTInput.Decap encap, InputFrame frame) {
        SaType type = SaType.byIpProtocol(ip.protocol());
        IpAddress src = ip.source();
        IpAddress dst = ip.destination();
        // FreeBSD's ipsec_common_input counts "packets in" first, before any check can drop it
        dp.counters().add(type, XformStat.INPUT);
        if (!enabled(type)) {
            dp.drops().drop(DropReason.PROTOCOL_DISABLED, v6, type, type.keyword() + " input is disabled by sysctl",
                    List.of());
            return null;
        }
        SaEntry sa = SpiLookup.inbound(dp.sad(), dst, type, spi);
        if (sa == null) {
            Diagnosis d = Diagnosis.unknownSpi(dp.sad(), src, dst, type, spi);
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
            opened = dp.xform().open(ip, sa, PacketScratch.get().take(), frame.opened);
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
        frame.layers.add(type, sa.sa().spi(), opened.tunnel() ? SaMode.TUNNEL : SaMode.TRANSPORT, src, dst,
                opened.sequence());
        return opened;
    }

    private boolean enabled(SaType type) {
        IntSupplier knob = type == SaType.ESP ? espEnable : type == SaType.AH ? ahEnable : ipcompEnable;
        return knob.getAsInt() != 0;
    }

    private Received forwardOrDrop(Packet ip, boolean v6, InputFrame frame) {
        String knob = v6 ? SysctlNames.IP6_FORWARDING : SysctlNames.IP_FORWARDING;
        if (dp.sysctl().getInt(knob) == 0) {
            dp.drops().drop(DropReason.NOT_FOR_US, v6, null, ip.source() + " > " + ip.destination()
                    + " is not for this host and " + knob + "=0", List.of());
            return Received.DROPPED;
        }
        frame.forward = ip;
        return Received.FORWARD;
    }

    private Received malformed(boolean v6, String why) {
        dp.drops().drop(DropReason.MALFORMED, v6, null, why, List.of());
        return Received.DROPPED;
    }
}
