package org.jsetkey.engine.stack;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.IpView;
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

    InputPath(Datapath dp) {
        this.dp = dp;
        this.policy = new InboundPolicy(dp);
        this.natt = new NatTInput(dp);
    }

    Received receive(byte[] wire) {
        try {
            return process(wire);
        } catch (RuntimeException e) {
            return malformed(false, "packet could not be processed: " + e);
        }
    }

    private Received process(byte[] wire) {
        IpView view;
        try {
            view = IpView.parse(wire);
        } catch (IllegalArgumentException e) {
            return malformed(false, e.getMessage());
        }
        boolean v6 = view.version() == 6;
        if (!dp.isLocal(IpPacket.destination(wire))) {
            return forwardOrDrop(wire, v6);
        }
        byte[] ip = wire;
        NatTInput.Decap encap = null;
        if (view.protocol() == IpProtocol.UDP.number()) {
            NatTInput.Outcome o = natt.receive(wire, view, v6);
            if (o == NatTInput.Verdict.DROP) {
                return Received.DROPPED;
            }
            if (o == NatTInput.Verdict.KEY_MANAGEMENT) {
                return new Received.Deliver(new Delivered(dp.clock().millis(), wire, wire, List.of()));
            }
            if (o instanceof NatTInput.Decap d) {
                encap = d;
                ip = d.packet();
            }
        }
        List<Protection> layers = new ArrayList<>();
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
            Layer layer = open(ip, h, v6, i == 0 ? encap : null);
            if (layer == null) {
                return Received.DROPPED;
            }
            layers.add(layer.protection());
            Opened opened = layer.opened();
            ip = opened.packet();
            if (opened.tunnel()) {
                v6 = (ip[0] & 0xf0) == 0x60;
                if (!dp.isLocal(IpPacket.destination(ip))) {
                    return policy.allows(ip, layers, v6) ? forwardOrDrop(ip, v6) : Received.DROPPED;
                }
            }
        }
        UncompressedTunnel.Inner plain = UncompressedTunnel.of(dp.sad(), ip);
        if (plain != null) {
            try {
                IpView.parse(plain.packet());
            } catch (IllegalArgumentException e) {
                return malformed(v6, "IP-in-IP of an IPComp tunnel: " + e.getMessage());
            }
            layers.add(new Protection(SaType.IPCOMP, plain.sa().sa().spi(), SaMode.TUNNEL, IpPacket.source(ip),
                    IpPacket.destination(ip), 0));
            ip = plain.packet();
            v6 = (ip[0] & 0xf0) == 0x60;
            if (!dp.isLocal(IpPacket.destination(ip))) {
                return policy.allows(ip, layers, v6) ? forwardOrDrop(ip, v6) : Received.DROPPED;
            }
        }
        if (!policy.allows(ip, layers, v6)) {
            return Received.DROPPED;
        }
        return new Received.Deliver(new Delivered(dp.clock().millis(), ip, wire, layers));
    }

    private record Layer(Opened opened, Protection protection) {
    }

    private Layer open(byte[] ip, IpsecHeader h, boolean v6, NatTInput.Decap encap) {
        SaType type = SaType.byIpProtocol(h.protocol());
        IpAddress src = IpPacket.source(ip);
        IpAddress dst = IpPacket.destination(ip);
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
            opened = dp.xform().open(ip, sa);
        } catch (XformException e) {
            Diagnosis d = Diagnosis.failedOpen(sa, src, dst, e);
            dp.drops().drop(d.reason(), v6, type, d.summary(), d.details());
            return null;
        }
        dp.counters().add(type, XformStat.IBYTES, ip.length);
        if (encap != null) {
            natt.follow(sa, encap.sport());
            if (!opened.tunnel()) {
                NatTChecksum.adjust(opened.packet(), sa.natT().originalAddress(),
                        dp.sysctl().getInt(SysctlNames.IPSEC_NATT_CKSUM_POLICY));
            }
        }
        return new Layer(opened, new Protection(type, sa.sa().spi(),
                opened.tunnel() ? SaMode.TUNNEL : SaMode.TRANSPORT, src, dst, opened.sequence()));
    }

    private boolean enabled(SaType type) {
        String knob = type == SaType.ESP ? SysctlNames.ESP_ENABLE
                : type == SaType.AH ? SysctlNames.AH_ENABLE : SysctlNames.IPCOMP_ENABLE;
        return dp.sysctl().getInt(knob) != 0;
    }

    private Received forwardOrDrop(byte[] ip, boolean v6) {
        String knob = v6 ? SysctlNames.IP6_FORWARDING : SysctlNames.IP_FORWARDING;
        if (dp.sysctl().getInt(knob) == 0) {
            dp.drops().drop(DropReason.NOT_FOR_US, v6, null, IpPacket.source(ip) + " > " + IpPacket.destination(ip)
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
