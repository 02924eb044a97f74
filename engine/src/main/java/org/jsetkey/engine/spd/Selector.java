package org.jsetkey.engine.spd;

import java.util.Objects;

import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;

/**
 * The traffic a policy covers: source and destination ranges, ports and the upper-layer
 * protocol (255 = any). For ICMP/ICMPv6 selectors {@code srcPort}/{@code dstPort} hold the
 * type and code, as KAME stores them (0 = wildcard).
 */
public record Selector(Prefix src, int srcPort, Prefix dst, int dstPort, int upperProtocol) {

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
    }

    // written out: a record's generated hashCode bootstraps method handles on first use (start-up)
    @Override
    public int hashCode() {
        return (((src.hashCode() * 31 + srcPort) * 31 + dst.hashCode()) * 31 + dstPort) * 31 + upperProtocol;
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
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
        return (srcPort == 0 || srcPort == flow.srcPort()) && (dstPort == 0 || dstPort == flow.dstPort());
    }

    /** Larger is more specific: prefix lengths first, then protocol and ports. */
    public int specificity() {
        int s = (src.length() + dst.length()) * 8;
        if (upperProtocol != IpProtocol.ANY.number()) {
            s += 4;
        }
        if (srcPort != 0) {
            s += 2;
        }
        if (dstPort != 0) {
            s += 2;
        }
        return s;
    }
}
