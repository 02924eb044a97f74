package org.jsetkey.engine.xform;

/**
 * The FreeBSD knobs that change what the transforms put on the wire:
 *
 * @param ahClearTos    net.inet.ipsec.ah_cleartos: zero the IPv4 TOS for the AH ICV (1) or include it (0)
 * @param ahOffsetMask  net.inet.ipsec.ah_offsetmask: bits of the IPv4 flags/fragment field kept for the AH ICV
 * @param dfBit         net.inet.ipsec.dfbit: outer IPv4 DF in tunnel mode, 0 clear, 1 set, 2 copy from inner
 * @param ecn           net.inet.ipsec.ecn: -1 ignore ECN; 0 forbidden (outer ECN cleared); 1 allowed (outer
 *                      copies the inner ECN with CE turned into ECT(0), and at decapsulation an outer CE
 *                      marks an ECN-capable inner packet CE, or drops a not-ECT one: RFC 3168, RFC 6040)
 */
public record Tunables(boolean ahClearTos, int ahOffsetMask, int dfBit, int ecn) {
    /** FreeBSD's defaults. */
    public static final Tunables DEFAULTS = new Tunables(true, 0, 0, 0);

    private static final int ECN_MASK = 0x03;
    private static final int ECN_CE = 0x03;
    private static final int ECN_ECT0 = 0x02;

    /** The outer TOS / traffic class for an inner one at encapsulation. */
    int outerTos(int innerTos) {
        if (ecn == 0) {
            return innerTos & ~ECN_MASK;
        }
        if (ecn > 0 && (innerTos & ECN_MASK) == ECN_CE) {
            return (innerTos & ~ECN_MASK) | ECN_ECT0;
        }
        return innerTos;
    }

    /**
     * The inner packet's TOS / traffic class after decapsulation under an outer one, or -1 when
     * the packet must be dropped (outer CE over a not-ECT inner packet with ECN allowed).
     */
    int innerTosAfterDecap(int outerTos, int innerTos) {
        if (ecn <= 0 || (outerTos & ECN_MASK) != ECN_CE) {
            return innerTos;
        }
        if ((innerTos & ECN_MASK) == 0) {
            return -1;
        }
        return innerTos | ECN_CE;
    }

    /** The outer IPv4 flags/fragment field: DF per dfbit, never a fragment. */
    int outerFlags(boolean innerDf) {
        boolean df = dfBit == 1 || (dfBit == 2 && innerDf);
        return df ? 0x4000 : 0;
    }
}
