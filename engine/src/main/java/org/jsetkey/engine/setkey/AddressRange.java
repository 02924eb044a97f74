package org.jsetkey.engine.setkey;

import org.jsetkey.engine.net.Prefix;

/** {@code address[/prefixlen][[port]]} of an SPD statement; port 0 = any. */
record AddressRange(Prefix prefix, int port) {
}
