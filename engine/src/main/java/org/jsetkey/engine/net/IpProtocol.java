package org.jsetkey.engine.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IANA IP protocol numbers with their /etc/protocols keyword names.
 * {@link #ANY} (255) is setkey's IPSEC_ULPROTO_ANY.
 */
public final class IpProtocol {
    public static final int HOPOPTS = 0;
    public static final int ICMP = 1;
    public static final int IPV4 = 4;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int IPV6 = 41;
    public static final int ROUTING = 43;
    public static final int FRAGMENT = 44;
    public static final int GRE = 47;
    public static final int ESP = 50;
    public static final int AH = 51;
    public static final int ICMPV6 = 58;
    public static final int NONE = 59;
    public static final int DSTOPTS = 60;
    public static final int IPCOMP = 108;
    public static final int ANY = 255;

    private static final Map<String, Integer> BY_NAME;
    private static final String[] NAMES = new String[256];

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        Object[][] table = {
            {"ip", 0}, {"hopopt", 0}, {"icmp", 1}, {"igmp", 2}, {"ggp", 3}, {"ipencap", 4}, {"st", 5},
            {"tcp", 6}, {"egp", 8}, {"igp", 9}, {"pup", 12}, {"udp", 17}, {"hmp", 20}, {"xns-idp", 22},
            {"rdp", 27}, {"iso-tp4", 29}, {"dccp", 33}, {"xtp", 36}, {"ddp", 37}, {"idpr-cmtp", 38},
            {"ipv6", 41}, {"ipv6-route", 43}, {"ipv6-frag", 44}, {"idrp", 45}, {"rsvp", 46},
            {"gre", 47}, {"esp", 50}, {"ah", 51}, {"skip", 57}, {"ipv6-icmp", 58}, {"ipv6-nonxt", 59},
            {"ipv6-opts", 60}, {"rspf", 73}, {"vmtp", 81}, {"eigrp", 88}, {"ospf", 89}, {"ax.25", 93},
            {"ipip", 94}, {"etherip", 97}, {"encap", 98}, {"pim", 103}, {"ipcomp", 108}, {"vrrp", 112},
            {"l2tp", 115}, {"isis", 124}, {"sctp", 132}, {"fc", 133}, {"mobility-header", 135},
            {"udplite", 136}, {"mpls-in-ip", 137}, {"manet", 138}, {"hip", 139}, {"shim6", 140},
            {"wesp", 141}, {"rohc", 142},
        };
        for (Object[] row : table) {
            m.put((String) row[0], (Integer) row[1]);
        }
        BY_NAME = Collections.unmodifiableMap(m);
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            if (NAMES[e.getValue()] == null) {
                NAMES[e.getValue()] = e.getKey();
            }
        }
        NAMES[0] = "ip";
        NAMES[4] = "ipencap";
        NAMES[58] = "ipv6-icmp";
    }

    private IpProtocol() {
    }

    /** The number for an /etc/protocols name, or -1. */
    public static int byName(String name) {
        Integer n = BY_NAME.get(name);
        return n == null ? -1 : n;
    }

    /** The /etc/protocols name for a number, or null when it has none. */
    public static String name(int number) {
        return number >= 0 && number < 256 ? NAMES[number] : null;
    }

    public static Map<String, Integer> names() {
        return BY_NAME;
    }
}
