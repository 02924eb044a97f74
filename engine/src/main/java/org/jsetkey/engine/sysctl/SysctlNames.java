package org.jsetkey.engine.sysctl;

/** The names of the knobs the datapath reads, so callers need no string literals. */
public final class SysctlNames {
    public static final String IPSEC_DEF_POLICY = "net.inet.ipsec.def_policy";
    public static final String IPSEC_ESP_TRANS_DEFLEV = "net.inet.ipsec.esp_trans_deflev";
    public static final String IPSEC_ESP_NET_DEFLEV = "net.inet.ipsec.esp_net_deflev";
    public static final String IPSEC_AH_TRANS_DEFLEV = "net.inet.ipsec.ah_trans_deflev";
    public static final String IPSEC_AH_NET_DEFLEV = "net.inet.ipsec.ah_net_deflev";
    public static final String IPSEC_AH_CLEARTOS = "net.inet.ipsec.ah_cleartos";
    public static final String IPSEC_AH_OFFSETMASK = "net.inet.ipsec.ah_offsetmask";
    public static final String IPSEC_DFBIT = "net.inet.ipsec.dfbit";
    public static final String IPSEC_ECN = "net.inet.ipsec.ecn";
    public static final String IPSEC_DEBUG = "net.inet.ipsec.debug";
    public static final String IPSEC_CRYPTO_SUPPORT = "net.inet.ipsec.crypto_support";
    public static final String IPSEC_MIN_PMTU = "net.inet.ipsec.min_pmtu";
    public static final String IPSEC_FILTERTUNNEL = "net.inet.ipsec.filtertunnel";
    public static final String IPSEC_NATT_CKSUM_POLICY = "net.inet.ipsec.natt_cksum_policy";
    public static final String IPSEC_NATT_KEEPALIVE = "net.inet.ipsec.natt_keepalive";
    public static final String IPSEC_CHECK_POLICY_HISTORY = "net.inet.ipsec.check_policy_history";

    public static final String IPSEC6_DEF_POLICY = "net.inet6.ipsec6.def_policy";
    public static final String IPSEC6_ESP_TRANS_DEFLEV = "net.inet6.ipsec6.esp_trans_deflev";
    public static final String IPSEC6_ESP_NET_DEFLEV = "net.inet6.ipsec6.esp_net_deflev";
    public static final String IPSEC6_AH_TRANS_DEFLEV = "net.inet6.ipsec6.ah_trans_deflev";
    public static final String IPSEC6_AH_NET_DEFLEV = "net.inet6.ipsec6.ah_net_deflev";
    public static final String IPSEC6_ECN = "net.inet6.ipsec6.ecn";
    public static final String IPSEC6_DEBUG = "net.inet6.ipsec6.debug";
    public static final String IPSEC6_FILTERTUNNEL = "net.inet6.ipsec6.filtertunnel";

    public static final String ESP_ENABLE = "net.inet.esp.esp_enable";
    public static final String AH_ENABLE = "net.inet.ah.ah_enable";
    public static final String IPCOMP_ENABLE = "net.inet.ipcomp.ipcomp_enable";

    public static final String KEY_SPI_MINVAL = "net.key.spi_minval";
    public static final String KEY_SPI_MAXVAL = "net.key.spi_maxval";
    public static final String KEY_LARVAL_LIFETIME = "net.key.larval_lifetime";
    public static final String KEY_BLOCKACQ_COUNT = "net.key.blockacq_count";
    public static final String KEY_BLOCKACQ_LIFETIME = "net.key.blockacq_lifetime";
    public static final String KEY_PREFERRED_OLDSA = "net.key.preferred_oldsa";
    public static final String KEY_SAD_MAXENTRIES = "net.key.sad_maxentries";
    public static final String KEY_SPD_MAXENTRIES = "net.key.spd_maxentries";

    public static final String IP_FORWARDING = "net.inet.ip.forwarding";
    public static final String IP6_FORWARDING = "net.inet6.ip6.forwarding";

    private SysctlNames() {
    }
}
