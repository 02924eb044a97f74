package org.jsetkey.engine.setkey;

import java.util.List;

import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.sad.Lifetime;
import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.sad.SecurityContext;
import org.jsetkey.engine.setkey.stmt.Add;
import org.jsetkey.engine.setkey.stmt.Delete;
import org.jsetkey.engine.setkey.stmt.DeleteAll;
import org.jsetkey.engine.setkey.stmt.Dump;
import org.jsetkey.engine.setkey.stmt.Exit;
import org.jsetkey.engine.setkey.stmt.Flush;
import org.jsetkey.engine.setkey.stmt.Get;
import org.jsetkey.engine.setkey.stmt.SaProtocol;
import org.jsetkey.engine.setkey.stmt.SpdAdd;
import org.jsetkey.engine.setkey.stmt.SpdDelete;
import org.jsetkey.engine.setkey.stmt.SpdDump;
import org.jsetkey.engine.setkey.stmt.SpdFlush;
import org.jsetkey.engine.setkey.stmt.SpdUpdate;
import org.jsetkey.engine.setkey.stmt.Statement;
import org.jsetkey.engine.setkey.stmt.Update;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.Selector;

/**
 * Turns slot values into statement records, checking what only makes sense with several
 * slots together (architecture.md §3, §6, §14): a statement that is built is one we cannot prove wrong.
 */
final class Builders {
    private static final long MIN_SPI = 256;
    private static final long MAX_IPCOMP_CPI = 0xffff;

    private Builders() {
    }

    static Statement add(Values v) {
        return new Add(sa(v));
    }

    static Statement update(Values v) {
        return new Update(sa(v));
    }

    static Statement get(Values v) {
        sameFamily(v);
        natT(v);
        return new Get(v.get("src", IpAddress.class), v.get("dst", IpAddress.class),
                v.get("protocol", SaProtocol.class), v.get("spi", Long.class));
    }

    static Statement delete(Values v) {
        sameFamily(v);
        natT(v);
        return new Delete(v.get("src", IpAddress.class), v.get("dst", IpAddress.class),
                v.get("protocol", SaProtocol.class), v.get("spi", Long.class));
    }

    static Statement deleteAll(Values v) {
        sameFamily(v);
        natT(v);
        return new DeleteAll(v.get("src", IpAddress.class), v.get("dst", IpAddress.class),
                v.get("protocol", SaProtocol.class));
    }

    static Statement flush(Values v) {
        return new Flush(v.get("protocol", SaProtocol.class));
    }

    static Statement dump(Values v) {
        return new Dump(v.get("protocol", SaProtocol.class));
    }

    static Statement spdAdd(Values v) {
        return new SpdAdd(policy(v));
    }

    static Statement spdUpdate(Values v) {
        return new SpdUpdate(policy(v));
    }

    static Statement spdDelete(Values v) {
        PolicyPart p = v.get("policy", PolicyPart.class);
        return new SpdDelete(selector(v), p.direction(), v.get("label", SecurityContext.class));
    }

    static Statement spdFlush(Values v) {
        return new SpdFlush();
    }

    static Statement spdDump(Values v) {
        return new SpdDump();
    }

    static Statement exit(Values v) {
        return new Exit(v.keyword().text());
    }

    private static void sameFamily(Values v) {
        IpAddress src = v.get("src", IpAddress.class);
        IpAddress dst = v.get("dst", IpAddress.class);
        if (!src.sameFamily(dst)) {
            throw familyMismatch(v, src.format(), dst.format());
        }
    }

    private static ParseError familyMismatch(Values v, String src, String dst) {
        return new ParseError(v.at("dst"), "Family mismatch: \"" + src + "\" and \"" + dst
                + "\" are not the same address family");
    }

    /**
     * The UDP encapsulation of an esp-udp statement (ports default to 4500) or of an esp one with
     * FreeBSD's -natt, null for the rest, which take no port on their addresses.
     */
    private static NatT natT(Values v) {
        SaProtocol p = v.get("protocol", SaProtocol.class);
        SaOptions o = v.get("options", SaOptions.class);
        int mtu = o == null ? 0 : o.nattMtu;
        if (p != SaProtocol.ESP_UDP) {
            for (String end : List.of("src_port", "dst_port")) {
                if (v.has(end)) {
                    throw new ParseError(v.at(end), "unexpected \"[\": only esp-udp SAs take a port on their"
                            + " addresses (NAT-T, RFC 3948)", List.of("esp-udp"));
                }
            }
            if (o != null && o.natt != null) {
                NatT n = o.natt;
                return new NatT(n.sport(), n.dport(), n.originalAddress(), n.originalResponder(), mtu);
            }
            if (o != null && o.nattMtuToken != null) {
                throw new ParseError(o.nattMtuToken, Grammar.NATT_MTU + " needs " + Grammar.NATT
                        + " (or an esp-udp SA)", List.of(Grammar.NATT));
            }
            return null;
        }
        int sport = v.has("src_port") ? v.get("src_port", Integer.class) : NatT.PORT;
        int dport = v.has("dst_port") ? v.get("dst_port", Integer.class) : NatT.PORT;
        for (String end : List.of("src_port", "dst_port")) {
            if (v.has(end) && v.get(end, Integer.class) == 0) {
                throw new ParseError(v.at(end), "invalid NAT-T port 0: esp-udp needs a UDP port",
                        List.of("1-65535"));
            }
        }
        IpAddress oa = v.get("natt_oa", IpAddress.class);
        if (oa != null && !oa.sameFamily(v.get("src", IpAddress.class))) {
            throw new ParseError(v.at("natt_oa"), "Family mismatch: NAT original address \"" + oa.format()
                    + "\" is not of the SA's address family");
        }
        return new NatT(sport, dport, oa, null, mtu);
    }

    private static SecurityAssociation sa(Values v) {
        sameFamily(v);
        NatT natt = natT(v);
        SaProtocol p = v.get("protocol", SaProtocol.class);
        long spi = v.get("spi", Long.class);
        SaOptions o = v.get("options", SaOptions.class);
        AlgorithmPart a = v.get("algorithm", AlgorithmPart.class);
        if ((p.type() == SaType.ESP || p.type() == SaType.AH) && spi < MIN_SPI) {
            throw new ParseError(v.at("spi"), "invalid SPI " + spi + ": 0-255 are reserved for " + p.keyword(),
                    List.of("256-4294967295"));
        }
        if (p == SaProtocol.IPCOMP && !a.rawCpi && spi > MAX_IPCOMP_CPI) {
            throw new ParseError(v.at("spi"), "invalid CPI " + spi + " for ipcomp without -R",
                    List.of("0-65535"));
        }
        if (p.old() && o.replayToken != null) {
            throw new ParseError(o.replayToken, "replay prevention cannot be used with ah/esp-old");
        }
        if (p.type() == SaType.ESP && a.enc == null) {
            throw new ParseError(v.at("algorithm"), p.keyword() + " needs -E");
        }
        int flags = o.flags();
        if (p.old()) {
            flags |= Algorithms.FLAG_OLD;
        }
        if (a.enc != null) {
            flags |= a.enc.saFlags();
        }
        if (a.rawCpi) {
            flags |= Algorithms.FLAG_RAWCPI;
        }
        return new SecurityAssociation(v.get("src", IpAddress.class), v.get("dst", IpAddress.class), p.type(), spi,
                o.mode, o.reqid, o.replay, flags, a.enc, a.encKey, a.auth, a.authKey, a.comp,
                new Lifetime(o.hardSeconds, o.hardBytes), new Lifetime(o.softSeconds, o.softBytes), o.context, natt);
    }

    private static Selector selector(Values v) {
        AddressRange src = v.get("src_range", AddressRange.class);
        AddressRange dst = v.get("dst_range", AddressRange.class);
        if (!src.prefix().address().sameFamily(dst.prefix().address())) {
            throw new ParseError(v.at("dst_range"), "Family mismatch: \"" + src.prefix().address() + "\" and \""
                    + dst.prefix().address() + "\" are not the same address family");
        }
        UpperSpec u = v.get("upperspec", UpperSpec.class);
        if (u.typeCode()) {
            return new Selector(src.prefix(), u.type(), dst.prefix(), u.code(), u.protocol());
        }
        boolean icmp = u.protocol() == IpProtocol.ICMP.number() || u.protocol() == IpProtocol.ICMPV6.number();
        return new Selector(src.prefix(), icmp ? 0 : src.port(), dst.prefix(), icmp ? 0 : dst.port(),
                u.protocol());
    }

    private static Policy policy(Values v) {
        Selector selector = selector(v);
        PolicyPart p = v.get("policy", PolicyPart.class);
        if (p.action() == PolicyAction.ENTRUST || p.action() == PolicyAction.BYPASS) {
            throw new ParseError(p.actionToken(), p.action().keyword()
                    + " is only for per-socket policies (Invalid argument)", Grammar.SPD_ACTIONS);
        }
        if (p.action() == PolicyAction.IPSEC && p.rules().isEmpty()) {
            throw new ParseError(p.actionToken(), "ipsec needs at least one rule (policy requests required)",
                    List.of("proto/mode/src-dst/level"));
        }
        return new Policy(selector, p.direction(), p.priority(), p.action(), p.rules(),
                v.get("label", SecurityContext.class));
    }
}
