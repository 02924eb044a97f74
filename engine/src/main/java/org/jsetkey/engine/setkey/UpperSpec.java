package org.jsetkey.engine.setkey;

/** The upper-layer spec of an SPD statement; for icmp/icmp6 with {@code type,code} those too. */
record UpperSpec(int protocol, boolean typeCode, int type, int code) {
}
