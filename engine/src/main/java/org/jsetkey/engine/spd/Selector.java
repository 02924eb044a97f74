package org.jsetkey.engine.spd;

import java.util.Objects;

import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;

/**
 * The traffic a policy covers: source and destination ranges, ports and the upper-layer
 * protocol (255 = any). For ICMP/ICMPv6 selectors {@code srcPort}/{@code dstPort} hold the
 * type and code, as KAME stores them (0 = wildcard).
 *
 * @param srcZeroExact an ICMP type 0 that means type 0, not any (Linux: the port with mask 0xffff);
 *                     setkey's language has no way to say it
 * @param dstZeroExact the same for an ICMP code 0
 */
public record Selector(Prefix src, int srcPort, Prefix dst, int dstPort, int upperProtocol, boolean srcZeroExact,
                       boolean dstZeroExact) {

    public Selector(Prefix src, int srcPort, Prefix dst, int dstPort, int upperProtocol) {
        this(src, srcPort, dst, dstPort, upperProtocol, false, false);
    }

    public Selector {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        if (!src.address().sameFamily(dst.address())) {
            throw new IllegalArgumentException("Family mismatch");
        }
        checkPort(srcPort);
        checkPort(dstPort);
        if (upperProtocol < 0 || upperProtocol > 255) {
            throw new IllegalArgumentException("upper protocol: " + upperProtocol + " (expected: 0-255)");
        }
        if ((srcZeroExact && srcPort != 0 || dstZeroExact && dstPort != 0) || (srcZeroExact || dstZeroExact)
                && !(upperProtocol == IpProtocol.ICMP.number() || upperProtocol == IpProtocol.ICMPV6.number())) {
            throw new IllegalArgumentException("an exact 0 is only an ICMP type or code of 0");
        }
    }

    // written out: a record's generated hashCode bootstraps method handles on first use (start-up)
    @Override
    public int hashCode() {
        int h = (((src.hashCode() * 31 + srcPort) * 31 + dst.hashCode()) * 31 + dstPort) * 31 + upperProtocol;
        return h * 4 + (srcZeroExact ? 2 : 0) + (dstZeroExact ? 1 : 0);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
    }

    /** True when an ICMP type or code 0 means exactly 0, which setkey's {@code icmp T,C} cannot say. */
    public boolean hasExactZero() {
        return srcZeroExact || dstZeroExact;
    }

    public boolean isIcmp() {
        return upperProtocol == IpProtocol.ICMP.number() || upperProtocol == IpProtocol.ICMPV6.number();
    }

    /** True when the packet flow falls inside this selector. */
    public boolean matches(Flow flow) {
        if (!src.contains(flow.src()) || !dst.contains(flow.dst())) {
            return false;
        }
        if (upperProtocol != IpProtocol.ANY.number() && upperProtocol != flow.protocol()) {
            return false;
        }
        return (srcPort == 0 && !srcZeroExact || srcPort == flow.srcPort())
                && (dstPort == 0 && !dstZeroExact || dstPort == flow.dstPort());
    }

    /** Larger is more specific: prefix lengths first, then protocol and ports. */
    public int specificity() {
        int s = (src.length() + dst.length()) * 8;
        if (upperProtocol != IpProtocol.ANY.number()) {
            s += 4;
        }
        if (srcPort != 0 || srcZeroExact) {
            s += 2;
        }
        if (dstPort != 0 || dstZeroExact) {
            s += 2;
        }
        return s;
    }
}
