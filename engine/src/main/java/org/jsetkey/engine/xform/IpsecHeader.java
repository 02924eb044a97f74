package org.jsetkey.engine.xform;

/**
 * The first AH, ESP or IPComp header of a packet.
 *
 * @param protocol    51 (AH), 50 (ESP) or 108 (IPComp)
 * @param spi         the SPI, or for IPComp the 16-bit CPI
 * @param offset      where the header starts
 * @param fieldOffset where the next-header byte naming it sits (IPv4: 9, IPv6: 6 or in an extension header)
 */
public record IpsecHeader(int protocol, long spi, int offset, int fieldOffset) {
}
