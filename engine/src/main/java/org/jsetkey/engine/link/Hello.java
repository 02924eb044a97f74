package org.jsetkey.engine.link;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;

/**
 * The link's only control message: "\0JSK hello NAME ADDR,ADDR" (or "hello-reply").
 * Its first byte is 0, so no IP parser mistakes it for a packet (version nibble 0).
 */
record Hello(String name, List<IpAddress> addresses, boolean reply) {
    private static final byte[] MAGIC = {0, 'J', 'S', 'K', ' '};

    Hello(String name, List<IpAddress> addresses) {
        this(name, addresses, false);
    }

    Hello {
        addresses = List.copyOf(addresses);
        name = name == null || name.isBlank() ? "-" : name.replace(' ', '_');
    }

    static boolean isHello(byte[] data) {
        if (data.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    byte[] encode() {
        StringBuilder sb = new StringBuilder(reply ? "hello-reply " : "hello ").append(name).append(' ');
        for (int i = 0; i < addresses.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(addresses.get(i).format());
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[MAGIC.length + text.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(text, 0, out, MAGIC.length, text.length);
        return out;
    }

    /** Decodes a hello, or returns null when it is malformed. */
    static Hello decode(byte[] data) {
        if (data.length > 4096) {
            return null;
        }
        String text = new String(data, MAGIC.length, data.length - MAGIC.length, StandardCharsets.US_ASCII);
        String[] parts = text.trim().split(" ");
        if (parts.length < 2 || !(parts[0].equals("hello") || parts[0].equals("hello-reply"))) {
            return null;
        }
        List<IpAddress> addrs = new ArrayList<>();
        if (parts.length > 2 && !parts[2].isEmpty()) {
            for (String a : parts[2].split(",")) {
                IpAddress ip = IpAddress.tryParse(a);
                if (ip == null) {
                    return null;
                }
                addrs.add(ip);
            }
        }
        return new Hello(parts[1], addrs, parts[0].equals("hello-reply"));
    }
}
