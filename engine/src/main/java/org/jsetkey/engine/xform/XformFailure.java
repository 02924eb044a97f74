package org.jsetkey.engine.xform;

/** Why a transform refused a packet; the datapath counts drops by these kinds. */
public enum XformFailure {
    /** Shorter than the headers, IV and ICV it must hold. */
    TOO_SHORT,
    /** Not a parseable IPv4/IPv6 packet (bad version, header or length fields, a fragment). */
    BAD_PACKET,
    /** No AH/ESP/IPComp header in a packet given to open. */
    NO_HEADER,
    /** The located header is not for this SA (other protocol or SPI/CPI). */
    WRONG_SA,
    /** The SA's algorithm has no packet transform (tcp-md5, lzs, oui) or lacks a needed algorithm. */
    NO_TRANSFORM,
    /** Tunnel mode without usable tunnel endpoints. */
    BAD_TUNNEL,
    /** ICV or AEAD tag mismatch. */
    AUTH_FAILED,
    /** Sequence number already seen or left of the window. */
    REPLAY,
    /** ESP padding length or contents wrong after decryption. */
    BAD_PADDING,
    /** Ciphertext not a multiple of the cipher block, or an AH length field out of range (KAME "bad ilen"). */
    BAD_LENGTH,
    /** The cipher failed for another reason. */
    DECRYPT_FAILED,
    /** The outbound 32-bit sequence counter is exhausted and the SA does not cycle. */
    SEQ_OVERFLOW,
    /** IPComp payload does not inflate, or inflates too large. */
    COMPRESSION_FAILED
}
