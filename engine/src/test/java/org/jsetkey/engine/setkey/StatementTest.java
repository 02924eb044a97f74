package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.sad.SecurityContext;
import org.jsetkey.engine.setkey.stmt.Add;
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
import org.jsetkey.engine.setkey.stmt.Statement;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.Level;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.PolicyRule;
import org.jsetkey.engine.spd.Priority;
import org.junit.jupiter.api.Test;

/** What each statement and option parses to. */
class StatementTest {

    private static Statement one(String text) {
        Parser.Result r = Parser.parse(text, "t");
        assertTrue(!r.hasErrors(), r.diagnostics().toString());
        assertEquals(1, r.statements().size());
        return r.statements().get(0).statement();
    }

    private static SecurityAssociation sa(String text) {
        return ((Add) one(text)).sa();
    }

    private static String error(String text) {
        Parser.Result r = Parser.parse(text, "t");
        assertTrue(r.hasErrors(), text);
        return r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).findFirst()
                .orElseThrow().message();
    }

    @Test
    void saOptionsAndDefaults() {
        SecurityAssociation d = sa("add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;");
        assertEquals(SaMode.ANY, d.mode());
        assertEquals(0x40, d.flags());
        assertEquals(4096, d.spi());
        assertNull(d.encKey());
        SecurityAssociation s = sa("add 10.0.0.1 10.0.0.2 esp 4096 -m tunnel -m transport -r 8 -u 7 -lh 60 -ls 50"
                + " -bh 9000 -bs 8000 -ctx 1 2 \"c\" -E null;");
        assertEquals(SaMode.TRANSPORT, s.mode(), "last one wins");
        assertEquals(8, s.replay());
        assertEquals(7, s.reqid());
        assertEquals(60, s.hard().addtime());
        assertEquals(50, s.soft().addtime());
        assertEquals(9000, s.hard().bytes());
        assertEquals(8000, s.soft().bytes());
        assertEquals(new SecurityContext(1, 2, "c"), s.context());
    }

    @Test
    void flagWord() {
        assertEquals(0x00, sa("add 10.0.0.1 10.0.0.2 esp 300 -f nocyclic-seq -E null;").flags());
        assertEquals(0x140, sa("add 10.0.0.1 10.0.0.2 esp 300 -f random-pad -E null;").flags());
        assertEquals(0x240, sa("add 10.0.0.1 10.0.0.2 esp 300 -f zero-pad -f seq-pad -E null;").flags());
        assertEquals(0x41, sa("add 10.0.0.1 10.0.0.2 esp-old 300 -E null;").flags());
        assertEquals(0xc0, sa("add 10.0.0.1 10.0.0.2 ipcomp 70000 -C deflate -R;").flags());
        assertEquals(0x51, sa("add 10.0.0.1 10.0.0.2 esp-old 300 -E des-32iv \"12345678\";").flags());
        assertEquals(0x60, sa("add 10.0.0.1 10.0.0.2 esp 300 -E des-deriv \"12345678\";").flags());
    }

    @Test
    void keysFromStringsAndHex() {
        SecurityAssociation s = sa("add 10.0.0.1 10.0.0.2 esp 300 -E blowfish-cbc 0X0A0b0c0d0e"
                + " -A hmac-md5 \"1234567890123456\";");
        assertEquals(List.of((byte) 10, (byte) 11, (byte) 12, (byte) 13, (byte) 14),
                List.of(s.encKey()[0], s.encKey()[1], s.encKey()[2], s.encKey()[3], s.encKey()[4]));
        assertEquals('1', s.authKey()[0]);
        assertEquals(Algorithms.find(org.jsetkey.engine.crypto.AlgorithmKind.AUTH, "hmac-md5").get(), s.authAlg());
    }

    @Test
    void ipv6AndAiflags() {
        SecurityAssociation s = sa("add -6 2001:db8::1 fe80::1%lo0 esp 300 -E null;");
        assertEquals(IpAddress.parse("fe80::1%lo0"), s.dst());
        assertEquals("address \"10.0.0.1\" is not IPv6 (-6 given)", error("add -6 10.0.0.1 10.0.0.2 esp 300 -E null;"));
    }

    @Test
    void otherSaStatements() {
        assertEquals(new Get(IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), SaProtocol.AH, 300),
                one("get 10.0.0.1 10.0.0.2 ah 300;"));
        assertEquals(new DeleteAll(IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), SaProtocol.IPCOMP),
                one("deleteall 10.0.0.1 10.0.0.2 ipcomp;"));
        assertEquals(new Flush(null), one("flush;"));
        assertEquals(new Flush(SaProtocol.ESP_OLD), one("flush esp-old;"));
        assertEquals(new Dump(SaProtocol.TCP), one("dump tcp;"));
        assertEquals(new SpdFlush(), one("spdflush;"));
        assertEquals(new SpdDump(), one("spddump;"));
        assertEquals(new Exit("bye"), one("bye;"));
    }

    @Test
    void obsoleteModeAndAlgorithmWarn() {
        Parser.Result r = Parser.parse("get 10.0.0.1 10.0.0.2 esp 300 -m transport;\n"
                + "add 10.0.0.1 10.0.0.2 esp 300 -E simple;", "t");
        assertEquals(2, r.statements().size());
        assertEquals(2, r.diagnostics().size());
        assertEquals("mode is obsolete", r.diagnostics().get(0).message());
        assertEquals(Diagnostic.Severity.WARNING, r.diagnostics().get(0).severity());
        assertEquals(31, r.diagnostics().get(0).pos().column());
        assertEquals("obsolete algorithm", r.diagnostics().get(1).message());
    }

    @Test
    void protocolAlgorithmRules() {
        assertEquals("algorithm mismatched: ah takes only -A, not -E",
                error("add 10.0.0.1 10.0.0.2 ah 300 -E null;"));
        assertEquals("algorithm mismatched: ah refuses -A null", error("add 10.0.0.1 10.0.0.2 ah 300 -A null;"));
        assertEquals("algorithm mismatched: esp needs -E before -A (use -E null for authentication only)",
                error("add 10.0.0.1 10.0.0.2 esp 300 -A hmac-md5 \"1234567890123456\";"));
        assertEquals("algorithm mismatched: ipcomp takes only -C, not -E",
                error("add 10.0.0.1 10.0.0.2 ipcomp 3 -E null;"));
        assertEquals("algorithm mismatched: tcp takes only -A tcp-md5",
                error("add 10.0.0.1 10.0.0.2 tcp 3 -A hmac-sha1 \"12345678901234567890\";"));
        assertEquals("algorithm mismatched: tcp-md5 is only for protocol tcp",
                error("add 10.0.0.1 10.0.0.2 ah 300 -A tcp-md5 \"x\";"));
        assertEquals("aes-gcm-16 is a combined-mode cipher: give no -A", error("add 10.0.0.1 10.0.0.2 esp 300"
                + " -E aes-gcm-16 0x000102030405060708090a0b0c0d0e0f01020304 -A hmac-md5 \"1234567890123456\";"));
        assertEquals("algorithm mismatched: des-deriv is only for esp",
                error("add 10.0.0.1 10.0.0.2 esp-old 300 -E des-deriv \"12345678\";"));
        assertEquals("algorithm mismatched: des-32iv is only for esp-old",
                error("add 10.0.0.1 10.0.0.2 esp 300 -E des-32iv \"12345678\";"));
        assertEquals("null takes no key", error("add 10.0.0.1 10.0.0.2 esp 300 -E null \"x\";"));
        assertEquals("null takes no key", error("add 10.0.0.1 10.0.0.2 esp 300 -E null -A null 0x00;"));
        assertEquals("replay prevention cannot be used with ah/esp-old",
                error("add 10.0.0.1 10.0.0.2 esp-old 300 -r 4 -E null;"));
        assertEquals("invalid CPI 65536 for ipcomp without -R", error("add 10.0.0.1 10.0.0.2 ipcomp 65536 -C lzs;"));
        assertEquals("option -m must come before the algorithm part",
                error("add 10.0.0.1 10.0.0.2 esp 300 -E null -m tunnel;"));
        assertEquals("-E must come before -A",
                error("add 10.0.0.1 10.0.0.2 ah 300 -A hmac-md5 \"1234567890123456\" -E null;"));
        assertEquals("invalid flag \"big-pad\"", error("add 10.0.0.1 10.0.0.2 esp 300 -f big-pad -E null;"));
        assertEquals("invalid SPI 0: 0-255 are reserved for ah",
                error("add 10.0.0.1 10.0.0.2 ah 0 -A hmac-md5 \"1234567890123456\";"));
    }

    @Test
    void ipcompSmallCpiAndOuiRefusedAtApply() {
        assertEquals(2, sa("add 10.0.0.1 10.0.0.2 ipcomp 2 -C deflate;").spi());
        Lab lab = new Lab();
        SetkeyResult r = lab.run("add 10.0.0.1 10.0.0.2 ipcomp 2 -C oui;");
        assertEquals(1, r.errors());
        assertTrue(lab.onlyError().message().startsWith("Invalid argument"));
        assertEquals("No SAD entries.\n", lab.setkey.dumpSad(true));
    }

    @Test
    void spdSelectorsAndUpperSpecs() {
        Policy p = ((SpdAdd) one("spdadd 10.0.0.0/8[22] 10.1.2.3[any] tcp -P out discard;")).policy();
        assertEquals(8, p.selector().src().length());
        assertEquals(22, p.selector().srcPort());
        assertEquals(0, p.selector().dstPort());
        assertEquals(IpProtocol.TCP.number(), p.selector().upperProtocol());
        assertEquals(PolicyAction.DISCARD, p.action());
        assertNull(p.priority());
        assertEquals(255, ((SpdAdd) one("spdadd ::/0 ::/0 any -P in none;")).policy().selector().upperProtocol());
        assertEquals(47, ((SpdAdd) one("spdadd ::/0 ::/0 47 -P in none;")).policy().selector().upperProtocol());
        assertEquals(50, ((SpdAdd) one("spdadd ::/0 ::/0 esp -P in none;")).policy().selector().upperProtocol());
        assertEquals(4, ((SpdAdd) one("spdadd ::/0 ::/0 ip4 -P in none;")).policy().selector().upperProtocol());
        Policy icmp = ((SpdAdd) one("spdadd 0.0.0.0/0 0.0.0.0/0 icmp 8,0 -P in none;")).policy();
        assertEquals(8, icmp.selector().srcPort());
        assertEquals(80, ((SpdAdd) one("spdadd 10.0.0.1[http] 10.0.0.2 tcp -P in none;")).policy().selector()
                .srcPort());
        assertEquals("icmp6 needs both type and code, e.g. \"135,0\"",
                error("spdadd ::/0 ::/0 icmp6 135 -P in none;"));
        assertEquals("invalid upper layer protocol \"ah\": write 51 instead", error("spdadd ::/0 ::/0 ah -P in none;"));
        assertEquals("invalid upper layer protocol \"bogus\"", error("spdadd ::/0 ::/0 bogus -P in none;"));
        assertEquals("invalid prefix length \"129\"", error("spdadd ::/129 ::/0 any -P in none;"));
    }

    @Test
    void policiesRulesAndPriorities() {
        Policy p = ((SpdAdd) one("spdadd 10.0.0.1 10.0.0.2 any -P fwd priority 10 ipsec esp/transport "
                + "ah/transport/ esp/tunnel/10.0.0.1-10.0.0.2 ipcomp/transport//use"
                + " esp/transport/10.0.0.1-10.0.0.2/unique:12 ah/transport//unique;")).policy();
        assertEquals(Direction.FWD, p.direction());
        assertEquals(new Priority(0x80000000L - 10), p.priority());
        List<PolicyRule> r = p.rules();
        assertEquals(6, r.size());
        assertEquals("esp/transport//default", r.get(0).format());
        assertEquals("ah/transport//default", r.get(1).format());
        assertEquals("esp/tunnel/10.0.0.1-10.0.0.2/default", r.get(2).format());
        assertEquals(Level.USE, r.get(3).level());
        assertEquals(12, r.get(4).reqid());
        assertEquals("ah/transport//unique", r.get(5).format());
        assertEquals(0xC0000000L + 3, ((SpdAdd) one("spdadd ::/0 ::/0 any -P in prio low -3 none;")).policy()
                .priority().stored());
        assertEquals(0x40000000L - 5, ((SpdAdd) one("spdadd ::/0 ::/0 any -P in prio high + 5 none;")).policy()
                .priority().stored());
        assertEquals(0x80000000L, ((SpdAdd) one("spdadd ::/0 ::/0 any -P in prio def none;")).policy()
                .priority().stored());
    }

    @Test
    void policyErrors() {
        assertEquals("Invalid address specification: tunnel rule \"esp/tunnel//require\" needs src-dst end points",
                error("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/tunnel//require;"));
        assertEquals("Too few arguments in rule \"esp\"", error("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp;"));
        assertEquals("Too few arguments in rule \"esp/\"", error("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/;"));
        assertEquals("Invalid ipsec level \"always\" in rule \"esp/transport//always\"",
                error("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//always;"));
        assertEquals("Family mismatch in rule \"esp/tunnel/10.0.0.1-::1/use\"",
                error("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/tunnel/10.0.0.1-::1/use;"));
        assertEquals("entrust is only for per-socket policies (Invalid argument)",
                error("spdadd 10.0.0.1 10.0.0.2 any -P out entrust;"));
        assertEquals("bypass is only for per-socket policies (Invalid argument)",
                error("spdupdate 10.0.0.1 10.0.0.2 any -P out bypass;"));
        assertEquals("ipsec needs at least one rule (policy requests required)",
                error("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec;"));
        assertEquals("Invalid direction \"IN\"", error("spdadd 10.0.0.1 10.0.0.2 any -P IN none;"));
        assertEquals("Priority offset not in valid range [-2147483647, 2147483648]",
                error("spdadd 10.0.0.1 10.0.0.2 any -P out prio 2147483649 none;"));
        assertEquals("unexpected character \"#\" in policy",
                error("spdadd 10.0.0.1 10.0.0.2 any -P out none # no\n;"));
        assertEquals("spdadd tagged is not supported", error("spdadd tagged \"x\" -P out none;"));
        assertEquals("syntax error at \"esp\": nothing more may follow in spdflush", error("spdflush esp;"));
    }

    @Test
    void spddeleteIgnoresTheRestOfThePolicy() {
        SpdDelete d = (SpdDelete) one("spddelete 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require;");
        assertEquals(Direction.OUT, d.direction());
        Lab lab = new Lab();
        lab.ok("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require;\n"
                + "spddelete 10.0.0.1 10.0.0.2 any -P out discard;");
        assertEquals("No SPD entries.\n", lab.setkey.dumpSpd());
    }

    @Test
    void statementsShareLinesAndSpanLines() {
        Parser.Result r = Parser.parse("flush; spdflush; # both\n add\n10.0.0.1 # src\n 10.0.0.2\tesp\n300\n-E\nnull\n;",
                "t");
        assertEquals(3, r.statements().size());
        assertEquals(2, r.statements().get(2).pos().line());
        assertEquals(2, r.statements().get(2).pos().column());
        assertEquals(SaType.ESP, ((Add) r.statements().get(2).statement()).sa().type());
    }
}
