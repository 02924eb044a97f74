package org.jsetkey.engine.sad;

import org.jsetkey.engine.net.IpProtocol;

/** PF_KEY SA types jsetkey keeps (esp-old/ah-old are ESP/AH with the OLD flag). */
public enum SaType {
    AH(2, "ah", IpProtocol.AH),
    ESP(3, "esp", IpProtocol.ESP),
    IPCOMP(9, "ipcomp", IpProtocol.IPCOMP),
    TCP(11, "tcp", IpProtocol.TCP);

    private final int number;
    private final String keyword;
    private final int ipProtocol;

    SaType(int number, String keyword, int ipProtocol) {
        this.number = number;
        this.keyword = keyword;
        this.ipProtocol = ipProtocol;
    }

    /** The sadb satype number. */
    public int number() {
        return number;
    }

    /** The name {@code setkey -D} prints. */
    public String keyword() {
        return keyword;
    }

    /** The IP protocol number of the header this SA produces. */
    public int ipProtocol() {
        return ipProtocol;
    }

    public static SaType byIpProtocol(int proto) {
        for (SaType t : values()) {
            if (t.ipProtocol == proto && t != TCP) {
                return t;
            }
        }
        return null;
    }
}
