package org.jsetkey.engine.sad;

import org.jsetkey.engine.SetkeyWord;
import org.jsetkey.engine.net.IpProtocol;

/** PF_KEY SA types jsetkey keeps (esp-old/ah-old are ESP/AH with the OLD flag). */
public enum SaType implements SetkeyWord {
    AH(2, IpProtocol.AH),
    ESP(3, IpProtocol.ESP),
    IPCOMP(9, IpProtocol.IPCOMP),
    TCP(11, IpProtocol.TCP);

    private final int number;
    private final IpProtocol protocol;

    SaType(int number, IpProtocol protocol) {
        this.number = number;
        this.protocol = protocol;
    }

    /** The sadb satype number. */
    @Override
    public int number() {
        return number;
    }

    /** The IP protocol number of the header this SA produces. */
    public int ipProtocol() {
        return protocol.number();
    }

    /** values() once: it copies the array on every call, and the input path asks per packet. */
    private static final SaType[] ALL = values();

    public static SaType byIpProtocol(int proto) {
        for (SaType t : ALL) {
            if (t.protocol.number() == proto && t != TCP) {
                return t;
            }
        }
        return null;
    }
}
