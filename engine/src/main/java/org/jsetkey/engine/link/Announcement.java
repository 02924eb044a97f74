package org.jsetkey.engine.link;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;

/**
 * A host's name and addresses, the payload of an announcement packet:
 * {@code jsetkey announce NAME ADDR,ADDR} (asks peers to announce back) or
 * {@code jsetkey answer NAME ADDR,ADDR} (the reply, never answered).
 */
record Announcement(String name, List<IpAddress> addresses, boolean answer) {
    static final String PREFIX = "jsetkey ";

    Announcement {
        addresses = List.copyOf(addresses);
        name = name == null || name.isBlank() ? "-" : name.replace(' ', '_');
    }

    Announcement asAnswer() {
        return new Announcement(name, addresses, true);
    }

    byte[] encode() {
        StringBuilder sb = new StringBuilder(PREFIX).append(answer ? "answer " : "announce ").append(name)
                .append(' ');
        for (int i = 0; i < addresses.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(addresses.get(i).format());
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** True when the payload's verb is an announcement (valid or not). */
    static boolean isAnnouncement(byte[] payload) {
        String head = new String(payload, 0, Math.min(payload.length, 24), StandardCharsets.US_ASCII);
        return head.startsWith(PREFIX + "announce ") || head.startsWith(PREFIX + "answer ");
    }

    /** Decodes an announcement, or returns null when it is malformed. */
    static Announcement decode(byte[] payload) {
        if (payload.length > 4096) {
            return null;
        }
        String[] parts = new String(payload, StandardCharsets.US_ASCII).strip().split(" ");
        if (parts.length < 3 || !parts[0].equals(PREFIX.strip())
                || !(parts[1].equals("announce") || parts[1].equals("answer"))) {
            return null;
        }
        List<IpAddress> addrs = new ArrayList<>();
        if (parts.length > 3 && !parts[3].isEmpty()) {
            for (String a : parts[3].split(",")) {
                IpAddress ip = IpAddress.tryParse(a);
                if (ip == null) {
                    return null;
                }
                addrs.add(ip);
            }
        }
        return parts.length > 4 ? null : new Announcement(parts[2], addrs, parts[1].equals("answer"));
    }
}
