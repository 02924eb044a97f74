package org.jsetkey.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.junit.jupiter.api.Test;

class HostProfileTest {
    private static final String PHOENIX = String.join("\n",
            "# phoenix",
            "hostname=\"phoenix\"",
            "ifconfig_lnk0=\"inet 192.0.2.10/24\"   # the link",
            "ifconfig_lnk0_ipv6='inet6 2001:db8:1::10 prefixlen 64'",
            "jsetkey_listen=\"127.0.0.1:7001\"",
            "jsetkey_peers=\"127.0.0.1:7002=198.51.100.0/24 127.0.0.1:7003\"",
            "ipsec_enable=YES",
            "ipsec_enable=\"yes\"",
            "ipsec_file=\"ipsec.conf\"",
            "");

    @Test
    void readsTheLabVariables() {
        HostProfile p = HostProfile.from(RcConf.parse(PHOENIX, "rc.conf"), Path.of("/lab/phoenix"));
        assertEquals("phoenix", p.hostname());
        assertEquals(List.of(IpAddress.parse("192.0.2.10"), IpAddress.parse("2001:db8:1::10")), p.addresses());
        assertEquals(7001, p.listen().getPort());
        assertEquals(2, p.peers().size());
        assertEquals("127.0.0.1:7002=198.51.100.0/24", p.peers().get(0).format());
        assertTrue(p.ipsecEnable());
        assertEquals(Path.of("/lab/phoenix/ipsec.conf"), p.ipsecFile());
        assertFalse(p.gateway());
    }

    @Test
    void defaultsFollowFreeBsd() {
        HostProfile p = HostProfile.from(RcConf.parse("hostname=x\n", "rc.conf"), null);
        assertFalse(p.ipsecEnable());
        assertEquals(Path.of("/etc/ipsec.conf"), p.ipsecFile());
    }

    @Test
    void autosaveIsOffByDefaultAndBesideTheRcConfWhenOn() {
        assertEquals(null, HostProfile.from(RcConf.parse("hostname=x\n", "rc.conf"), Path.of("/lab/x")).autosaveFile());
        assertEquals(Path.of("/lab/x/ipsec.autosave"), HostProfile.from(RcConf.parse("ipsec_autosave=\"YES\"\n",
                "rc.conf"), Path.of("/lab/x")).autosaveFile());
        assertEquals(Path.of("/var/db/x.state"), HostProfile.from(RcConf.parse(
                "ipsec_autosave=YES\nipsec_autosave_file=/var/db/x.state\n", "rc.conf"), Path.of("/lab/x")).autosaveFile());
    }

    @Test
    void checkyesnoWarnsAboutOtherWords() {
        RcConf rc = RcConf.parse("ipsec_enable=\"maybe\"\n", "rc.conf");
        assertFalse(rc.yes("ipsec_enable", "NO"));
        assertEquals(List.of("$ipsec_enable is not set properly - see rc.conf(5)."), rc.warnings());
        assertTrue(RcConf.parse("gateway_enable=On\n", "x").yes("gateway_enable", "NO"));
    }

    @Test
    void rejectsWhatIsNotAnAssignment() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RcConf.parse("hostname=a\nhostname = \"b\"\n", "rc.conf"));
        assertEquals("rc.conf:2: not an assignment: hostname = \"b\" (expected: name=\"value\", no blanks around =)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RcConf.parse("a=\"open\n", "rc.conf"));
        assertThrows(IllegalArgumentException.class,
                () -> HostProfile.from(RcConf.parse("ifconfig_x=\"inet 2001:db8::1\"\n", "r"), null));
    }

    @Test
    void readsOneImpairmentLinePerPeer() {
        HostProfile p = HostProfile.from(RcConf.parse(PHOENIX
                + "jsetkey_impair_cardinal=\"127.0.0.1:7002 loss 5% delay 10ms 2ms seed 1\"\n"
                + "jsetkey_impair_sparrow=\"127.0.0.1:7003 duplicate 1%\"\n", "rc.conf"), Path.of("/lab"));
        assertEquals(2, p.impairments().size());
        assertEquals(7002, p.impairments().get(0).endpoint().getPort());
        assertEquals("loss 5% delay 10ms 2ms seed 1", p.impairments().get(0).impairment().format());
        assertEquals("duplicate 1%", p.impairments().get(1).impairment().format());
        assertTrue(HostProfile.from(RcConf.parse(PHOENIX, "rc.conf"), null).impairments().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostProfile.from(
                RcConf.parse(PHOENIX + "jsetkey_impair_cardinal=\"127.0.0.1:7002 loss lots\"\n", "rc.conf"), null));
        assertEquals("rc.conf:10: jsetkey_impair_cardinal: loss 'lots': expected a percentage 0-100 (like 5% or 0.1%)",
                e.getMessage());
    }

    @Test
    void clonedTunInterfacesTakeTheirIfconfigAddressAndNetwork() {
        HostProfile p = HostProfile.from(RcConf.parse(String.join("\n", "hostname=\"gwa\"",
                "cloned_interfaces=\"tun0 tun-b.1\"", "ifconfig_tun0=\"inet 10.1.0.1/24\"",
                "ifconfig_tun_b_1=\"inet6 2001:db8:10::1/64\"", ""), "rc.conf"), Path.of("/lab"));
        assertEquals(List.of("tun0=10.1.0.1/24", "tun-b.1=2001:db8:10::1/64"),
                p.interfaces().stream().map(org.jsetkey.engine.tun.TunConfig::format).toList());
        assertTrue(p.addresses().contains(IpAddress.parse("10.1.0.1")), "the interface's address is the host's");
        assertTrue(p.interfaces().get(0).routes(IpAddress.parse("10.1.0.2")));
        assertFalse(p.interfaces().get(0).routes(IpAddress.parse("10.1.0.1")), "not the host's own address");
        assertFalse(p.interfaces().get(0).routes(IpAddress.parse("10.2.0.2")));
    }

    @Test
    void aClonedInterfaceWithoutAnAddressOrLengthIsAnErrorThatSaysWhatToWrite() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> HostProfile.from(
                RcConf.parse("cloned_interfaces=\"tun0\"\n", "rc.conf"), null));
        assertEquals("rc.conf:1: cloned_interfaces names tun0 but ifconfig_tun0 gives no address (expected: "
                + "ifconfig_tun0=\"inet 10.1.0.1/24\")", none.getMessage());
        IllegalArgumentException noLength = assertThrows(IllegalArgumentException.class, () -> HostProfile.from(
                RcConf.parse("cloned_interfaces=tun0\nifconfig_tun0=\"inet 10.1.0.1\"\n", "rc.conf"), null));
        assertEquals("rc.conf:2: ifconfig_tun0: \"10.1.0.1\" (expected: ADDR/LEN, the host's address and the network's "
                + "length, e.g. 10.1.0.1/24)", noLength.getMessage());
        IllegalArgumentException longName = assertThrows(IllegalArgumentException.class, () -> HostProfile.from(
                RcConf.parse("cloned_interfaces=tun0123456789abc\n", "rc.conf"), null));
        assertEquals("rc.conf:1: interface name: \"tun0123456789abc\" (expected: 1-15 letters, digits, '_', '.' or '-', "
                + "e.g. tun0)", longName.getMessage());
    }
}
