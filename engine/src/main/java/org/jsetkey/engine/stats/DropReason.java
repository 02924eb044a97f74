package org.jsetkey.engine.stats;

/**
 * Why the stack dropped a packet. Each reason names the FreeBSD counter it increments
 * (an ipsec-family counter, or a per-protocol one resolved by the protocol involved).
 */
public enum DropReason {
    OUT_POLICY_DISCARD("outbound policy says discard", IpsecStat.OUT_POLVIO),
    OUT_NO_SA("no SA for an outbound packet that requires one", IpsecStat.OUT_NOSA),
    OUT_NO_ROUTE("no peer on the link owns the destination", IpsecStat.OUT_NOROUTE),
    OUT_INVALID("outbound packet could not be protected", IpsecStat.OUT_INVAL),
    SEQ_OVERFLOW("sequence number counter exhausted (SA does not allow cycling)", XformStat.WRAP),
    NO_TRANSFORM("the SA's algorithm has no packet transform", XformStat.NOXFORM),
    UNKNOWN_SPI("no SA for this SPI", XformStat.NOTDB),
    SA_NOT_USABLE("the SA is not mature", XformStat.INVALID),
    AUTH_FAILED("ICV mismatch", XformStat.BADAUTH),
    REPLAY("replayed or too old sequence number", XformStat.REPLAY),
    BAD_PADDING("bad ESP padding after decryption", XformStat.BADENC),
    BAD_LENGTH("bad length", XformStat.BADILEN),
    TOO_SHORT("packet shorter than its headers", XformStat.HDROPS),
    CRYPTO_FAILED("decryption or decompression failed", XformStat.CRYPTO),
    PROTOCOL_DISABLED("protocol disabled by sysctl", XformStat.PDROPS),
    TUNNEL_SANITY("tunnel packet failed the sanity check", XformStat.TUNNEL),
    IN_POLICY_VIOLATION("inbound packet was not protected as the policy requires", IpsecStat.IN_POLVIO),
    IN_POLICY_DISCARD("inbound policy says discard", IpsecStat.IN_POLVIO),
    MALFORMED("malformed packet", IpsecStat.IN_INVAL),
    NOT_FOR_US("not addressed to this host and forwarding is off", null),
    ENCAP_MISMATCH("ESP with and without UDP encapsulation (esp vs esp-udp) on the two hosts", XformStat.INVALID),
    NAT_UNTRANSLATABLE("the NAT cannot translate it", null),
    BAD_UDP_CHECKSUM("bad UDP checksum on an ESP-in-UDP datagram", IpsecStat.IN_INVAL),
    TTL_EXCEEDED("TTL exceeded while forwarding", null),
    BAD_CHECKSUM("ICMP checksum does not verify", IcmpStat.BAD_CHECKSUM),
    LINK_STRANGER("link datagram from an endpoint that is no peer", LinkStat.STRANGER),
    LINK_MALFORMED("link datagram is neither an IP packet nor a control message", LinkStat.MALFORMED),
    LINK_HANDLER_FAILED("the input path failed on a link datagram", LinkStat.HANDLER_FAILED);

    private final String description;
    private final StatCounter counter;

    DropReason(String description, StatCounter counter) {
        this.description = description;
        this.counter = counter;
    }

    public String description() {
        return description;
    }

    /** The ipsec/ipsec6 counter, or null. */
    public IpsecStat ipsecStat() {
        return counter instanceof IpsecStat s ? s : null;
    }

    /** The icmp/icmp6 counter, or null. */
    public IcmpStat icmpStat() {
        return counter instanceof IcmpStat s ? s : null;
    }

    /** The link counter, or null. */
    public LinkStat linkStat() {
        return counter instanceof LinkStat s ? s : null;
    }

    /** The ah/esp/ipcomp counter, or null. */
    public XformStat xformStat() {
        return counter instanceof XformStat s ? s : null;
    }
}
