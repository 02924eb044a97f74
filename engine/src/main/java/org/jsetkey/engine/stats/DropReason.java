package org.jsetkey.engine.stats;

/**
 * Why the stack dropped a packet. Each reason names the FreeBSD counter it increments
 * (an ipsec-family counter, or a per-protocol one resolved by the protocol involved).
 */
public enum DropReason {
    OUT_POLICY_DISCARD("outbound policy says discard", IpsecStat.OUT_POLVIO, null),
    OUT_NO_SA("no SA for an outbound packet that requires one", IpsecStat.OUT_NOSA, null),
    OUT_NO_ROUTE("no peer on the link owns the destination", IpsecStat.OUT_NOROUTE, null),
    OUT_INVALID("outbound packet could not be protected", IpsecStat.OUT_INVAL, null),
    SEQ_OVERFLOW("sequence number counter exhausted (SA does not allow cycling)", null, XformStat.WRAP),
    NO_TRANSFORM("the SA's algorithm has no packet transform", null, XformStat.NOXFORM),
    UNKNOWN_SPI("no SA for this SPI", null, XformStat.NOTDB),
    SA_NOT_USABLE("the SA is not mature", null, XformStat.INVALID),
    AUTH_FAILED("ICV mismatch", null, XformStat.BADAUTH),
    REPLAY("replayed or too old sequence number", null, XformStat.REPLAY),
    BAD_PADDING("bad ESP padding after decryption", null, XformStat.BADENC),
    BAD_LENGTH("bad length", null, XformStat.BADILEN),
    TOO_SHORT("packet shorter than its headers", null, XformStat.HDROPS),
    CRYPTO_FAILED("decryption or decompression failed", null, XformStat.CRYPTO),
    PROTOCOL_DISABLED("protocol disabled by sysctl", null, XformStat.PDROPS),
    TUNNEL_SANITY("tunnel packet failed the sanity check", null, XformStat.TUNNEL),
    IN_POLICY_VIOLATION("inbound packet was not protected as the policy requires", IpsecStat.IN_POLVIO, null),
    IN_POLICY_DISCARD("inbound policy says discard", IpsecStat.IN_POLVIO, null),
    MALFORMED("malformed packet", IpsecStat.IN_INVAL, null),
    NOT_FOR_US("not addressed to this host and forwarding is off", null, null),
    TTL_EXCEEDED("TTL exceeded while forwarding", null, null);

    private final String description;
    private final IpsecStat ipsecStat;
    private final XformStat xformStat;

    DropReason(String description, IpsecStat ipsecStat, XformStat xformStat) {
        this.description = description;
        this.ipsecStat = ipsecStat;
        this.xformStat = xformStat;
    }

    public String description() {
        return description;
    }

    /** The ipsec/ipsec6 counter, or null. */
    public IpsecStat ipsecStat() {
        return ipsecStat;
    }

    /** The ah/esp/ipcomp counter, or null. */
    public XformStat xformStat() {
        return xformStat;
    }
}
