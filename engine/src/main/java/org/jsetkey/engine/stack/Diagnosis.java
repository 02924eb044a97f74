package org.jsetkey.engine.stack;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.sad.SpiLookup;
import org.jsetkey.engine.stats.DropReason;
import org.jsetkey.engine.xform.XformException;

/** Explains an inbound drop in words a person configuring two hosts can act on. */
record Diagnosis(DropReason reason, String summary, List<String> details) {

    static Diagnosis unknownSpi(Sad sad, IpAddress src, IpAddress dst, SaType type, long spi) {
        String kw = type.keyword();
        List<SaEntry> held = sad.toDestination(dst, type);
        List<String> details = new ArrayList<>();
        StringBuilder spis = new StringBuilder();
        for (SaEntry e : held) {
            SecurityAssociation sa = e.sa();
            details.add(kw + " " + sa.src() + " > " + sa.dst() + " spi=" + SpiLookup.text(sa.spi()));
            if (spis.length() > 0) {
                spis.append(", ");
            }
            spis.append(SpiLookup.text(sa.spi()));
        }
        String holds = held.isEmpty()
                ? "this host holds no " + kw + " SA for " + dst
                : "this host holds " + kw + " SA" + (held.size() == 1 ? "" : "s") + " for " + dst + " with SPI "
                        + spis;
        String summary = "unknown " + kw + " SPI " + SpiLookup.text(spi) + " from " + src + " to " + dst + ": " + holds
                + "; both hosts must use the same SPI for each direction";
        return new Diagnosis(DropReason.UNKNOWN_SPI, summary, details);
    }

    static Diagnosis failedOpen(SaEntry entry, IpAddress src, IpAddress dst, XformException e) {
        SecurityAssociation sa = entry.sa();
        String what = sa.type().keyword() + " spi " + SpiLookup.text(sa.spi()) + " from " + src + " to " + dst;
        switch (e.kind()) {
            case AUTH_FAILED:
                if (sa.type() == SaType.AH && !sa.src().equals(src)) {
                    return new Diagnosis(DropReason.AUTH_FAILED, "ICV mismatch on " + what + ": the source address"
                            + " changed on the way (the SA is from " + sa.src() + ", the packet comes from " + src
                            + "): a NAT rewrote it, and AH's ICV covers the source address, so AH cannot cross a NAT",
                            List.of(e.detail(), "use ESP in UDP (esp-udp, RFC 3948) through a NAT"));
                }
                return new Diagnosis(DropReason.AUTH_FAILED, "ICV mismatch on " + what + ": "
                        + (damaged(entry) ? damage(entry)
                                : "the keys or algorithms differ between the hosts (this host uses "
                                        + algorithms(sa) + ")"), List.of(e.detail()));
            case REPLAY:
                return new Diagnosis(DropReason.REPLAY, "replay on " + what + ": " + e.detail(), List.of());
            case BAD_PADDING:
                return new Diagnosis(DropReason.BAD_PADDING, "bad padding on " + what + ": "
                        + (damaged(entry) ? damage(entry) + " (" + e.detail() + ")"
                                : "the encryption key or algorithm differs between the hosts? (" + e.detail() + ")"),
                        List.of());
            case BAD_LENGTH:
                return new Diagnosis(DropReason.BAD_LENGTH, what + ": " + e.detail(), List.of());
            case TOO_SHORT:
            case BAD_PACKET:
            case NO_HEADER:
            case WRONG_SA:
                return new Diagnosis(DropReason.TOO_SHORT, what + ": " + e.detail(), List.of());
            case NO_TRANSFORM:
                return new Diagnosis(DropReason.NO_TRANSFORM, what + ": " + e.detail(), List.of());
            case BAD_TUNNEL:
                return new Diagnosis(DropReason.TUNNEL_SANITY, what + ": " + e.detail(), List.of());
            default:
                return new Diagnosis(DropReason.CRYPTO_FAILED, what + ": " + e.detail(), List.of());
        }
    }

    /**
     * An SA on which packets verified and decrypted before cannot have the wrong keys: the bad
     * packet among good ones was damaged on the way. Keys that changed on the peer fail every
     * packet from then on, so more failures than good packets keep the key-mismatch reading.
     */
    private static boolean damaged(SaEntry entry) {
        return entry.packets() > 0 && entry.authFailures() <= entry.packets();
    }

    private static String damage(SaEntry entry) {
        long good = entry.packets();
        return "damaged in transit (" + good + " packet" + (good == 1 ? "" : "s")
                + " on this SA passed, so the keys agree; a bit changed on the way)";
    }

    /**
     * ESP arrived inside UDP for a plain esp SA ({@code udpPorts} given), or bare for an esp-udp
     * SA (null): one host has NAT-T configured and the other not.
     */
    static Diagnosis encapsulationMismatch(SaEntry entry, IpAddress src, IpAddress dst, String udpPorts) {
        SecurityAssociation sa = entry.sa();
        String spi = SpiLookup.text(sa.spi());
        String summary = udpPorts == null
                ? "esp-udp SA spi " + spi + " from " + src + " to " + dst + " received plain ESP (IP protocol 50):"
                        + " the peer sends without UDP encapsulation, its SA is esp where this one is esp-udp (NAT-T)"
                : "esp SA spi " + spi + " from " + src + " to " + dst + " received ESP inside UDP " + udpPorts
                        + ": the peer's SA is esp-udp (NAT-T) where this one is plain esp";
        return new Diagnosis(DropReason.ENCAP_MISMATCH, summary,
                List.of("both ends of an SA must agree on UDP encapsulation (RFC 3948)"));
    }

    private static String algorithms(SecurityAssociation sa) {
        List<String> l = new ArrayList<>();
        if (sa.encAlg() != null) {
            byte[] k = sa.encKey();
            l.add(sa.encAlg().name() + (k == null ? "" : " with a " + k.length + "-byte key"));
        }
        if (sa.authAlg() != null) {
            byte[] k = sa.authKey();
            l.add(sa.authAlg().name() + (k == null ? "" : " with a " + k.length + "-byte key"));
        }
        return String.join(" and ", l);
    }
}
