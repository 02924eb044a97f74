package org.jsetkey.engine.stack;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;

/** One AH/ESP/IPComp layer a received packet carried and that verified. */
public record Protection(SaType type, long spi, SaMode mode, IpAddress src, IpAddress dst, long sequence) {
}
