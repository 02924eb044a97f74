package org.jsetkey.shell.groovy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.link.LinkDirection;
import org.jsetkey.engine.link.LinkPacket;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.picture.PacketPicture;
import org.jsetkey.engine.picture.PictureBuilder;
import org.jsetkey.engine.picture.SvgPicture;
import org.jsetkey.engine.picture.TextPicture;
import org.jsetkey.engine.print.TcpdumpFormatter;
import org.jsetkey.engine.stack.Protection;
import org.jsetkey.engine.tool.Inspector;

/**
 * A packet as scripts see it: addresses, protocol, the IPsec headers visible on the wire
 * ({@code layers}, outermost first, e.g. {@code ['AH', 'ESP']}), the tcpdump line, and the
 * decrypted {@code inner} packet (worked out on first access with the host's keys), and its
 * {@code picture} (the text the {@code picture} command prints) and {@code svg}.
 */
public final class Packet {
    private static final TcpdumpFormatter TCPDUMP = new TcpdumpFormatter(false, ZoneId.systemDefault());

    private final byte[] bytes;
    private final String direction;
    private final long timeMicros;
    private final Inspector inspector;
    private final String src;
    private final String dst;
    private final String proto;
    private final Long spi;
    private final Long seq;
    private final List<String> layers;
    private Packet inner;
    private String innerFailure;

    Packet(byte[] bytes, String direction, long timeMicros, Inspector inspector) {
        this.bytes = bytes.clone();
        this.direction = direction;
        this.timeMicros = timeMicros;
        this.inspector = inspector;
        String s = null;
        String d = null;
        String p = "unknown";
        Long spiValue = null;
        Long seqValue = null;
        List<String> chain = new ArrayList<>();
        try {
            org.jsetkey.engine.net.Packet ip = org.jsetkey.engine.net.Packet.wrap(this.bytes).parse();
            s = ip.source().format();
            d = ip.destination().format();
            int protocol = ip.protocol();
            int off = ip.upperOffset();
            p = IpProtocol.scriptName(protocol);
            if (protocol == IpProtocol.AH.number() || protocol == IpProtocol.ESP.number()) {
                spiValue = ip.u32(protocol == IpProtocol.AH.number() ? off + 4 : off);
                seqValue = ip.u32(protocol == IpProtocol.AH.number() ? off + 8 : off + 4);
            } else if (protocol == IpProtocol.IPCOMP.number()) {
                spiValue = (long) ip.u16(off + 2);
            }
            for (int h : ip.view().visibleIpsecHeaders(this.bytes)) {
                chain.add(h == IpProtocol.AH.number() ? "AH" : h == IpProtocol.ESP.number() ? "ESP" : "IPComp");
            }
        } catch (RuntimeException e) {
            p = "malformed";
        }
        this.src = s;
        this.dst = d;
        this.proto = p;
        this.spi = spiValue;
        this.seq = seqValue;
        this.layers = List.copyOf(chain);
    }

    static Packet of(LinkPacket p, Inspector inspector) {
        return new Packet(p.bytes(), p.direction() == LinkDirection.IN ? "in" : "out", p.timeMicros(), inspector);
    }

    public String getSrc() {
        return src;
    }

    public String getDst() {
        return dst;
    }

    /** {@code esp}, {@code ah}, {@code ipcomp}, {@code icmp}, {@code icmp6}, {@code tcp}, {@code udp}, ... */
    public String getProto() {
        return proto;
    }

    /** SPI of the outermost AH/ESP header (CPI for IPComp), or null. */
    public Long getSpi() {
        return spi;
    }

    /** Sequence number of the outermost AH/ESP header, or null. */
    public Long getSeq() {
        return seq;
    }

    public int getLength() {
        return bytes.length;
    }

    public List<String> getLayers() {
        return layers;
    }

    /** {@code in} or {@code out}, as seen from the capturing host. */
    public String getDirection() {
        return direction;
    }

    public long getTimeMicros() {
        return timeMicros;
    }

    public byte[] getBytes() {
        return bytes.clone();
    }

    /** The line {@code tcpdump -n} prints for it (without the time stamp). */
    public String getText() {
        return TCPDUMP.format(bytes);
    }

    /** The packet with every IPsec layer removed (this packet when it has none). */
    public synchronized Packet getInner() {
        if (layers.isEmpty() || inspector == null) {
            return this;
        }
        if (inner == null) {
            Inspector.Inspection i = inspector.inspect(bytes);
            innerFailure = i.failure();
            inner = new Packet(i.inner(), direction, timeMicros, null);
        }
        return inner;
    }

    /** Why {@link #getInner()} could not remove every layer (no SA, bad ICV, ...), or null. */
    public synchronized String getInnerFailure() {
        getInner();
        return innerFailure;
    }

    /**
     * The picture of this packet as {@code picture} prints it without a terminal: its headers in
     * 32-bit rows and the spans AH, ESP and IPComp cover, decrypted with the host's keys.
     */
    public String getPicture() {
        return picture(120);
    }

    /** The same, {@code width} columns wide at most (below about 100 the header names go into the rule lines). */
    public String picture(int width) {
        return TextPicture.plain(draw(), width);
    }

    /** The picture as an SVG document. */
    public String getSvg() {
        return SvgPicture.render(draw());
    }

    private PacketPicture draw() {
        if (inspector == null) {
            throw new IllegalStateException("this packet has no host to read SAs from (it is an inner packet)");
        }
        return new PictureBuilder(inspector.host()).draw(bytes);
    }

    /** The layers the inspector removed (SPI, mode, sequence), outermost first. */
    public List<String> getProtections() {
        if (layers.isEmpty() || inspector == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Protection p : inspector.inspect(bytes).layers()) {
            out.add(p.type().keyword() + "/" + p.mode().keyword() + " spi " + p.spi() + " seq " + p.sequence());
        }
        return out;
    }

    @Override
    public String toString() {
        return getText();
    }

    static String address(IpAddress a) {
        return a == null ? null : a.format();
    }
}
