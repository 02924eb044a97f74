package org.jsetkey.engine.picture;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jsetkey.engine.crypto.NoTransformException;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpPacket;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.PacketView;
import org.jsetkey.engine.net.UdpHeader;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SpiLookup;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.xform.EspParts;
import org.jsetkey.engine.xform.IpsecHeader;
import org.jsetkey.engine.xform.IpsecHeaders;
import org.jsetkey.engine.xform.Opened;
import org.jsetkey.engine.xform.UdpEncap;
import org.jsetkey.engine.xform.Xform;
import org.jsetkey.engine.xform.XformException;

/**
 * Draws a packet with the SAs a host holds: walks its header chain, and at each AH, ESP or IPComp
 * header asks the SA what it covers, verifies and decrypts it (on detached copies of the SAs, as
 * {@code tool.Inspector} does: no replay window or counter moves) and goes on inside. The wire
 * section shows encrypted bytes decrypted in place (ESP keeps their length); an IPComp payload
 * gets a section of its own, since it inflates to more bytes than it occupies.
 */
public final class PictureBuilder {
    private static final int MAX_DEPTH = 8;

    private final Sad sad;
    private final Xform xform;

    public PictureBuilder(Host host) {
        this.sad = host.sad();
        this.xform = new Xform(host.clock(), new SecureRandom());
        this.xform.tunables(host::tunables);
    }

    /** The picture of the raw IP packet {@code packet}; never throws for a malformed one (it says so in a note). */
    public PacketPicture draw(byte[] packet) {
        Walk w = new Walk();
        Draft wire = w.section("IP packet, " + packet.length + " bytes on the wire", packet.clone());
        try {
            w.ip(wire, packet.clone(), 0, packet.length, "");
        } catch (IndexOutOfBoundsException e) {
            w.notes.add("stopped: the packet ends inside a header (" + packet.length + " bytes)");
        } catch (RuntimeException e) {
            w.notes.add("stopped: malformed packet (" + e.getMessage() + ")");
        }
        List<Section> sections = new ArrayList<>();
        for (Draft d : w.drafts) {
            sections.add(d.build());
        }
        return new PacketPicture(sections, w.notes);
    }

    /** One section while it is being drawn: its display bytes, headers and spans. */
    private static final class Draft {
        final String title;
        final byte[] d;
        final List<Header> headers = new ArrayList<>();
        final List<Span> spans = new ArrayList<>();

        Draft(String title, byte[] d) {
            this.title = title;
            this.d = d;
        }

        /** Adds a header that fits the bytes and overlaps none drawn before; else says why the walk stops. */
        void add(Header h) {
            if (h.fields().isEmpty()) {
                return;
            }
            int end = h.offset() + h.length();
            if (end > d.length) {
                throw new IllegalArgumentException(h.name() + " at offset " + h.offset() + " needs " + h.length()
                        + " bytes, " + (d.length - h.offset()) + " are left");
            }
            for (Header o : headers) {
                if (h.offset() < o.offset() + o.length() && o.offset() < end) {
                    throw new IllegalArgumentException(h.name() + " at offset " + h.offset() + " overlaps " + o.name());
                }
            }
            headers.add(h);
        }

        void span(SpanKind kind, int from, int to) {
            if (to > from) {
                spans.add(new Span(kind, from, to));
            }
        }

        /** Marks the fields of headers in {@code [base, base + mask.length)} whose bits the mask names. */
        void markZeroed(int base, byte[] mask) {
            for (int i = 0; i < headers.size(); i++) {
                Header h = headers.get(i);
                if (h.offset() < base || h.offset() >= base + mask.length) {
                    continue;
                }
                List<Field> fields = new ArrayList<>();
                for (Field f : h.fields()) {
                    fields.add(masked(mask, h.offset() - base, f) ? f.asZeroed() : f);
                }
                headers.set(i, new Header(h.name(), h.offset(), fields));
            }
        }

        private static boolean masked(byte[] mask, int headerAt, Field f) {
            for (int b = f.bitOffset(); b < f.bitOffset() + f.bits(); b++) {
                int byteAt = headerAt + b / 8;
                if (byteAt < mask.length && (mask[byteAt] & (0x80 >> (b % 8))) != 0) {
                    return true;
                }
            }
            return false;
        }

        Section build() {
            headers.sort(Comparator.comparingInt(Header::offset));
            return new Section(title, headers, spans);
        }
    }

    /** One drawing: its sections and notes. */
    private final class Walk {
        final List<Draft> drafts = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int depth;

        Draft section(String title, byte[] d) {
            Draft s = new Draft(title, d);
            drafts.add(s);
            return s;
        }

        /**
         * An IP packet at {@code pos} of the section, ending at {@code end}; {@code cur} is the same
         * packet as the input path holds it at this point (AH/ESP headers in front of it removed).
         */
        void ip(Draft s, byte[] cur, int pos, int end, String role) {
            byte[] d = s.d;
            int version = (d[pos] & 0xff) >> 4;
            String name = (version == 4 ? "IPv4" : "IPv6") + role;
            if (version == 4) {
                Header h = UpperHeaders.ipv4(d, pos, name);
                s.add(h);
                chain(s, cur, pos, pos + h.length(), end, d[pos + 9] & 0xff, role);
            } else if (version == 6) {
                s.add(UpperHeaders.ipv6(d, pos, name));
                chain(s, cur, pos, pos + UpperHeaders.IPV6_FIXED, end, d[pos + 6] & 0xff, role);
            } else {
                throw new IllegalArgumentException("IP version " + version + " at offset " + pos);
            }
        }

        /** The headers from {@code pos} on, of the IP packet starting at {@code ipStart}. */
        void chain(Draft s, byte[] cur, int ipStart, int pos, int end, int proto, String role) {
            if (++depth > MAX_DEPTH) {
                notes.add("stopped: more than " + MAX_DEPTH + " nested headers");
                return;
            }
            byte[] d = s.d;
            while (UpperHeaders.isV6Extension(proto) && pos < end) {
                Header h = UpperHeaders.v6Extension(d, pos, proto);
                s.add(h);
                proto = d[pos] & 0xff;
                pos += h.length();
            }
            String inner = role.isEmpty() ? "" : role;
            if (proto == IpProtocol.AH.number()) {
                ah(s, cur, ipStart, pos, end, role);
            } else if (proto == IpProtocol.ESP.number()) {
                esp(s, cur, pos, end, role);
            } else if (proto == IpProtocol.IPCOMP.number()) {
                ipcomp(s, cur, pos, end, role);
            } else if (proto == IpProtocol.IPV4.number() || proto == IpProtocol.IPV6.number()) {
                s.span(SpanKind.TUNNEL, pos, end);
                ip(s, Arrays.copyOfRange(d, pos, end), pos, end, " (inner)");
            } else if (proto == IpProtocol.ICMP.number() || proto == IpProtocol.ICMPV6.number()) {
                s.add(UpperHeaders.icmp(d, pos, end, proto == IpProtocol.ICMPV6.number(), inner));
            } else if (proto == IpProtocol.UDP.number()) {
                // ESP in UDP (RFC 3948): the UDP header, then ESP as the input path opens it, the UDP
                // header taken off; a keepalive or non-ESP marker stays plain UDP, as tcpdump reads it
                byte[] esp = cur == null ? null : UdpEncap.espInside(cur);
                if (esp != null && end - pos > UdpHeader.LENGTH) {
                    s.add(UpperHeaders.udp(d, pos, pos + UdpHeader.LENGTH, inner.isEmpty() ? " (NAT-T)" : inner));
                    esp(s, esp, pos + UdpHeader.LENGTH, end, role);
                } else {
                    s.add(UpperHeaders.udp(d, pos, end, inner));
                }
            } else if (proto == IpProtocol.TCP.number()) {
                s.add(UpperHeaders.tcp(d, pos, end, inner));
            } else if (end > pos) {
                s.add(UpperHeaders.payload(d, pos, end, proto, inner));
            }
        }

        private SaEntry sa(byte[] cur, SaType type, long spi) {
            if (cur == null) {
                return null;
            }
            IpAddress dst = IpPacket.destination(cur);
            SaEntry live = SpiLookup.inbound(sad, dst, type, spi);
            if (live == null) {
                notes.add(type.keyword() + " spi " + SpiLookup.text(spi) + ": no SA to " + dst + " on this host");
                return null;
            }
            return SaEntry.detachedCopy(live);
        }

        private void ah(Draft s, byte[] cur, int ipStart, int pos, int end, String role) {
            byte[] d = s.d;
            int ahLen = PacketView.ahLength(d[pos + 1] & 0xff);
            long spi = PacketView.u32(d, pos + 4);
            SaEntry sa = sa(cur, SaType.AH, spi);
            int icv = Math.min(ahLen - 12, icvBytes(sa, ahLen - 12));
            Header h = new HeaderDraft("AH" + role, pos)
                    .field("Next Header", 8, UpperHeaders.protocol(d[pos] & 0xff))
                    .field("Payload Len", 8, Integer.toString(d[pos + 1] & 0xff))
                    .field("Reserved", 16, String.format("0x%04x", PacketView.u16(d, pos + 2)))
                    .field("Security Parameters Index (SPI)", 32, SpiLookup.text(spi))
                    .field("Sequence Number", 32, Long.toString(PacketView.u32(d, pos + 8)))
                    .bytes("ICV", d, pos + 12, icv)
                    .bytes("ICV Padding", d, pos + 12 + icv, ahLen - 12 - icv)
                    .build();
            List<Field> fields = new ArrayList<>();
            for (Field f : h.fields()) {
                fields.add(f.bitOffset() >= 96 ? f.asZeroed() : f);
            }
            s.add(new Header(h.name(), h.offset(), fields));
            if (ipStart >= 0) {
                s.span(SpanKind.AH_ICV, ipStart, end);
            }
            byte[] next = null;
            if (sa != null) {
                try {
                    if (ipStart >= 0) {
                        s.markZeroed(ipStart, xform.ahMutableMask(cur, IpsecHeaders.locate(cur).offset()));
                    }
                } catch (XformException e) {
                    notes.add("AH spi " + SpiLookup.text(spi) + ": " + e.detail());
                }
                next = open(cur, sa, "AH spi " + SpiLookup.text(spi), "ICV verified");
            }
            int nh = d[pos] & 0xff;
            if (nh == IpProtocol.IPV4.number() || nh == IpProtocol.IPV6.number()) {
                s.span(SpanKind.TUNNEL, pos + ahLen, end);
                ip(s, next, pos + ahLen, end, " (inner)");
            } else {
                chain(s, next, ipStart, pos + ahLen, end, nh, role);
            }
        }

        /** The ICV length the SA's algorithm gives (the AH ICV field may hold padding behind it). */
        private int icvBytes(SaEntry sa, int field) {
            try {
                return sa == null || sa.crypto().mac() == null ? field : sa.crypto().mac().icvBytes();
            } catch (NoTransformException e) {
                return field;
            }
        }

        /** Opens the first IPsec header of {@code cur} for real (on the detached SA); null when it fails. */
        private byte[] open(byte[] cur, SaEntry sa, String header, String ok) {
            try {
                Opened o = xform.open(cur, sa);
                notes.add(header + ": " + ok + " with " + sa.sa().id());
                return o.packet();
            } catch (XformException e) {
                notes.add(header + ": " + e.kind() + ": " + e.detail());
                return null;
            }
        }

        private void esp(Draft s, byte[] cur, int pos, int end, String role) {
            byte[] d = s.d;
            long spi = PacketView.u32(d, pos);
            SaEntry sa = sa(cur, SaType.ESP, spi);
            EspParts parts = null;
            if (sa != null) {
                try {
                    parts = xform.espParts(cur, sa);
                } catch (XformException e) {
                    notes.add("ESP spi " + SpiLookup.text(spi) + ": " + e.kind() + ": " + e.detail());
                }
            }
            HeaderDraft h = new HeaderDraft("ESP" + role, pos)
                    .field("Security Parameters Index (SPI)", 32, SpiLookup.text(spi))
                    .field("Sequence Number", 32, Long.toString(PacketView.u32(d, pos + 4)));
            if (parts == null || parts.plain() == null) {
                if (parts != null) {
                    notes.add("ESP spi " + SpiLookup.text(spi) + ": the AEAD tag does not verify, nothing decrypted");
                }
                s.add(h.bytes("Encrypted Payload and ICV", d, pos + 8, end - pos - 8).build());
                return;
            }
            int ct = pos + parts.headerBytes();
            byte[] plain = parts.plain();
            int ctEnd = ct + plain.length;
            s.add(h.bytes("Initialization Vector (IV)", d, pos + 8, parts.ivBytes()).build());
            System.arraycopy(plain, 0, d, ct, plain.length);
            if (parts.icvBytes() > 0) {
                s.span(SpanKind.ESP_ICV, pos, ctEnd);
                s.add(new HeaderDraft("ESP ICV", ctEnd).bytes("Integrity Check Value (ICV)", d, ctEnd,
                        parts.icvBytes()).build());
            }
            if (parts.encrypted()) {
                s.span(SpanKind.ENCRYPTED, ct, ctEnd);
            }
            int padLen = plain[plain.length - 2] & 0xff;
            int nh = plain[plain.length - 1] & 0xff;
            int dataEnd = ctEnd - 2 - padLen;
            s.add(new HeaderDraft("ESP trailer", dataEnd)
                    .bytes("Padding", d, dataEnd, padLen)
                    .field("Pad Length", 8, Integer.toString(padLen))
                    .field("Next Header", 8, UpperHeaders.protocol(nh))
                    .build());
            String result = parts.icvBytes() == 0 ? "decrypted (no ICV)"
                    : parts.verified() ? "ICV verified, " + (parts.encrypted() ? "decrypted" : "payload in clear")
                    : "ICV MISMATCH, decrypted anyway";
            byte[] next = parts.verified() ? open(cur, sa, "ESP spi " + SpiLookup.text(spi), result) : null;
            if (!parts.verified()) {
                notes.add("ESP spi " + SpiLookup.text(spi) + ": " + result);
            }
            if (nh == IpProtocol.IPV4.number() || nh == IpProtocol.IPV6.number()) {
                s.span(SpanKind.TUNNEL, ct, dataEnd);
                ip(s, next, ct, dataEnd, " (inner)");
            } else {
                chain(s, next, -1, ct, dataEnd, nh, role);
            }
        }

        private void ipcomp(Draft s, byte[] cur, int pos, int end, String role) {
            byte[] d = s.d;
            int cpi = PacketView.u16(d, pos + 2);
            s.add(new HeaderDraft("IPComp" + role, pos)
                    .field("Next Header", 8, UpperHeaders.protocol(d[pos] & 0xff))
                    .field("Flags", 8, String.format("0x%02x", d[pos + 1] & 0xff))
                    .field("Compression Param. Index (CPI)", 16, Integer.toString(cpi))
                    .bytes("Compressed Payload", d, pos + 4, end - pos - 4)
                    .build());
            s.span(SpanKind.COMPRESSED, pos + 4, end);
            SaEntry sa = sa(cur, SaType.IPCOMP, cpi);
            byte[] next = sa == null ? null : open(cur, sa, "IPComp cpi " + cpi, "inflated");
            if (next == null) {
                return;
            }
            int nh = d[pos] & 0xff;
            if (nh == IpProtocol.IPV4.number() || nh == IpProtocol.IPV6.number()) {
                Draft in = section("IPComp payload inflated: " + next.length + " bytes", next.clone());
                in.span(SpanKind.TUNNEL, 0, next.length);
                ip(in, next, 0, next.length, " (inner)");
                return;
            }
            int head;
            try {
                head = IpsecHeaders.locate(cur).offset();
            } catch (XformException e) {
                return;
            }
            byte[] inflated = Arrays.copyOfRange(next, head, next.length);
            Draft in = section("IPComp payload inflated: " + inflated.length + " bytes", inflated);
            chain(in, next, -1, 0, inflated.length, nh, role);
        }
    }
}
