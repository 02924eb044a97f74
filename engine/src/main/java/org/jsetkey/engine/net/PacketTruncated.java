package org.jsetkey.engine.net;

/** A {@link PacketView} was read past its end; {@link #header()} names the header being read. */
public final class PacketTruncated extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String header;

    public PacketTruncated(String header) {
        super(header + " header cut off", null, false, false);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
