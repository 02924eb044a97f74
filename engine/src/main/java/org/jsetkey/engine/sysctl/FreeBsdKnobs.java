package org.jsetkey.engine.sysctl;

import static org.jsetkey.engine.sysctl.SysctlNames.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FreeBSD's IPsec, key and forwarding knobs (architecture.md §11) with their defaults and the
 * values the kernel accepts, in OID order: net.inet (ip, ipsec, esp, ah, ipcomp), then
 * net.key (PF_KEY = 27), then net.inet6 (AF_INET6 = 28). Descriptions are our own paraphrases.
 *
 * <p>Checks: {@code def_policy} is 0 or 1 (FreeBSD 13's handler refuses anything else);
 * on/off knobs are 0 or 1; {@code dfbit} 0..2; {@code ecn} -1..1. The {@code *_deflev}
 * knobs take any int, as the kernel does: a value outside 1..3 is resolved as require at
 * packet time. Knobs the kernel stores without a handler take any int.
 */
public final class FreeBsdKnobs {
    private static final int NEVER_NEGATIVE = 0;

    private FreeBsdKnobs() {
    }

    public static List<Knob> knobs() {
        List<Knob> knobs = new ArrayList<>();
        knobs.add(Knob.bool(IP_FORWARDING, 0, "Forward IPv4 packets not addressed to this host"));
        knobs.addAll(policyDefaults(IPSEC_DEF_POLICY, IPSEC_ESP_TRANS_DEFLEV, IPSEC_ESP_NET_DEFLEV,
                IPSEC_AH_TRANS_DEFLEV, IPSEC_AH_NET_DEFLEV));
        knobs.addAll(List.of(
                Knob.bool(IPSEC_AH_CLEARTOS, 1, "Zero the IPv4 TOS byte when computing the AH ICV"),
                Knob.integer(IPSEC_AH_OFFSETMASK, 0, "Mask kept of the fragment offset/flags field in the AH ICV"),
                Knob.integer(IPSEC_DFBIT, 0, 0, 2, "Outer DF bit in tunnel mode: 0 clear, 1 set, 2 copy from inner"),
                Knob.integer(IPSEC_ECN, 0, -1, 1, "ECN at tunnel encapsulation: -1 ignore, 0 forbidden, 1 allowed"),
                Knob.bool(IPSEC_DEBUG, 0, "Log IPsec debugging messages"),
                Knob.readOnlyString(IPSEC_CRYPTO_SUPPORT, "hw+sw", "Crypto drivers IPsec may use"),
                Knob.integer(IPSEC_MIN_PMTU, 576, "Lowest path MTU accepted from ICMP need-fragment messages"),
                Knob.bool(IPSEC_FILTERTUNNEL, 0, "Pass decapsulated tunnel packets through the packet filter again"),
                Knob.integer(IPSEC_NATT_CKSUM_POLICY, 0, 0, 2, "TCP/UDP checksum after NAT-T transport-mode"
                        + " decapsulation: 0 incremental update from the NAT-OA, 1 recompute, 2 zero UDP/leave TCP"),
                Knob.integer(IPSEC_NATT_KEEPALIVE, 20, NEVER_NEGATIVE, 3600, "Seconds between NAT-keepalives on"
                        + " each esp-udp SA this host sends on, 0 none (jsetkey; racoon's natt_keepalive)"),
                Knob.bool(IPSEC_CHECK_POLICY_HISTORY, 0, "Check inbound packets against every SA the policy has used"),

                Knob.bool(ESP_ENABLE, 1, "Accept ESP packets on input"),
                Knob.bool(AH_ENABLE, 1, "Accept AH packets on input"),
                Knob.bool(IPCOMP_ENABLE, 1, "Accept IPComp packets on input"),

                Knob.integer(KEY_SPI_MINVAL, 0x100, "Lowest SPI the kernel chooses (getspi)"),
                Knob.integer(KEY_SPI_MAXVAL, 0x0fffffff, "Highest SPI the kernel chooses (getspi)"),
                Knob.integer(KEY_LARVAL_LIFETIME, 30, NEVER_NEGATIVE, Integer.MAX_VALUE, "Seconds a larval SA lives"),
                Knob.integer(KEY_BLOCKACQ_COUNT, 10, NEVER_NEGATIVE, Integer.MAX_VALUE, "Packets that may trigger one ACQUIRE"),
                Knob.integer(KEY_BLOCKACQ_LIFETIME, 20, NEVER_NEGATIVE, Integer.MAX_VALUE, "Seconds an ACQUIRE blocks new ones"),
                Knob.bool(KEY_PREFERRED_OLDSA, 1, "Use the oldest (1) or newest (0) of several usable SAs"),
                Knob.integer(KEY_SAD_MAXENTRIES, TableSizes.SAD_DEFAULT, 0, Integer.MAX_VALUE,
                        "Most SAs the SAD holds; an add beyond fails with No buffer space available (jsetkey)"),
                Knob.integer(KEY_SPD_MAXENTRIES, TableSizes.SPD_DEFAULT, 0, Integer.MAX_VALUE,
                        "Most policies the SPD holds; an spdadd beyond fails with No buffer space available (jsetkey)"),

                Knob.bool(IP6_FORWARDING, 0, "Forward IPv6 packets not addressed to this host")));
        knobs.addAll(policyDefaults(IPSEC6_DEF_POLICY, IPSEC6_ESP_TRANS_DEFLEV, IPSEC6_ESP_NET_DEFLEV,
                IPSEC6_AH_TRANS_DEFLEV, IPSEC6_AH_NET_DEFLEV));
        knobs.addAll(List.of(
                Knob.integer(IPSEC6_ECN, 0, -1, 1, "ECN at tunnel encapsulation: -1 ignore, 0 forbidden, 1 allowed"),
                Knob.bool(IPSEC6_DEBUG, 0, "Log IPsec debugging messages"),
                Knob.bool(IPSEC6_FILTERTUNNEL, 0, "Pass decapsulated tunnel packets through the packet filter again")));
        return List.copyOf(knobs);
    }

    /** The default policy and the four default levels, which the ipsec and ipsec6 trees both have. */
    private static List<Knob> policyDefaults(String defPolicy, String espTrans, String espNet, String ahTrans,
                                             String ahNet) {
        return List.of(
                Knob.integer(defPolicy, 1, 0, 1, "Policy when no SPD entry matches: 0 discard, 1 none (pass)"),
                deflev(espTrans, "ESP transport"),
                deflev(espNet, "ESP tunnel"),
                deflev(ahTrans, "AH transport"),
                deflev(ahNet, "AH tunnel"));
    }

    /** Knobs that share another knob's value: the kernel has one default policy for both families. */
    public static Map<String, String> aliases() {
        return Map.of(IPSEC6_DEF_POLICY, IPSEC_DEF_POLICY);
    }

    /** Descriptions of the interior nodes, printed by {@code sysctl -d NODE}. */
    public static Map<String, String> nodes() {
        return Map.ofEntries(
                Map.entry("net", "Network, (see socket.h)"),
                Map.entry("net.inet", "Internet Family"),
                Map.entry("net.inet.ip", "IP"),
                Map.entry("net.inet.ipsec", "IPsec"),
                Map.entry("net.inet.esp", "ESP"),
                Map.entry("net.inet.ah", "AH"),
                Map.entry("net.inet.ipcomp", "IPCOMP"),
                Map.entry("net.key", "Key Management"),
                Map.entry("net.inet6", "Internet6 Family"),
                Map.entry("net.inet6.ip6", "IP6"),
                Map.entry("net.inet6.ipsec6", "IPsec6"));
    }

    private static Knob deflev(String name, String what) {
        return Knob.integer(name, 1, "Level for " + what + " rules with level default: 1 use, 2 require, 3 unique");
    }
}
