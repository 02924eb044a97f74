package org.jsetkey.engine.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IP protocols the code knows by name, each with its IANA number and the names it is shown
 * by, plus the /etc/protocols name table for every other number. {@link #ANY} (255) is setkey's
 * IPSEC_ULPROTO_ANY. Packets carry the number; {@link #of(int)} gives the value back.
 */
public enum IpProtocol {
    HOPOPTS(0, null, "Options", null),
    ICMP(1, null, "ICMP", "icmp"),
    IPV4(4, "ip4", "IPIP", "ipip"),
    TCP(6, null, "TCP", "tcp"),
    UDP(17, null, "UDP", "udp"),
    IPV6(41, null, "IPv6", "ipv6"),
    ROUTING(43, null, "Routing", null),
    FRAGMENT(44, null, "Fragment", null),
    GRE(47, null, "GRE", null),
    ESP(50, null, "ESP", "esp"),
    AH(51, null, "AH", "ah"),
    ICMPV6(58, "icmp6", "ICMPv6", "icmp6"),
    NONE(59, null, null, null),
    DSTOPTS(60, null, null, null),
    IPCOMP(108, null, "Compressed IP", "ipcomp"),
    ANY(255, "any", null, null);

    /** setkey's word where it is not the /etc/protocols name; null where it is. */
    private final String setkeyWord;
    /** tcpdump's name in {@code -v} output. */
    private final String label;
    /** The name a script sees, for the protocols scripts name. */
    private final String scriptName;
    private final int number;

    private static final IpProtocol[] BY_NUMBER = new IpProtocol[256];
    private static final Map<String, Integer> BY_NAME;
    private static final String[] NAMES = new String[256];

    static {
        for (IpProtocol p : values()) {
            BY_NUMBER[p.number] = p;
        }
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
    }

    IpProtocol(int number, String setkeyWord, String label, String scriptName) {
        this.number = number;
        this.setkeyWord = setkeyWord;
        this.label = label;
        this.scriptName = scriptName;
    }

    public int number() {
        return number;
    }

    /** The protocol with this number, or null when the code has no name for it. */
    public static IpProtocol of(int number) {
        return number >= 0 && number < 256 ? BY_NUMBER[number] : null;
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

    /**
     * The upper-layer word of {@code number} as {@code setkey -DP} prints it: {@code any},
     * {@code icmp6}, {@code ip4}, else the /etc/protocols name, else the number.
     */
    public static String setkeyWord(int number) {
        IpProtocol p = of(number);
        if (p != null) {
            return p.setkeyWord();
        }
        String n = name(number);
        return n == null ? Integer.toString(number) : n;
    }

    /** This protocol's upper-layer word in setkey: {@code any}, {@code icmp6}, {@code ip4}, else its /etc/protocols name. */
    public String setkeyWord() {
        return setkeyWord != null ? setkeyWord : NAMES[number];
    }

    /** The name {@code tcpdump -v} gives {@code number} in {@code proto NAME (n)}: {@code unknown} when none. */
    public static String label(int number) {
        IpProtocol p = of(number);
        return p == null || p.label == null ? "unknown" : p.label;
    }

    /** The name scripts see as a packet's {@code proto}: the number as text when it has none. */
    public static String scriptName(int number) {
        IpProtocol p = of(number);
        return p == null || p.scriptName == null ? Integer.toString(number) : p.scriptName;
    }
}
