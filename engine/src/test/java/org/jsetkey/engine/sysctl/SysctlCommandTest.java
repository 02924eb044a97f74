package org.jsetkey.engine.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SysctlCommandTest {
    private final Sysctl sysctl = new Sysctl();

    private SysctlResult run(String... args) {
        return SysctlCommand.run(sysctl, List.of(args));
    }

    private static void assertResult(SysctlResult r, String out, String err, int status) {
        assertEquals(out, r.out(), "stdout");
        assertEquals(err, r.err(), "stderr");
        assertEquals(status, r.status(), "exit status");
    }

    @Test
    void leafPrintsNameColonValue() {
        assertResult(run("net.inet.ipsec.def_policy"), "net.inet.ipsec.def_policy: 1\n", "", 0);
    }

    @Test
    void nodePrintsEveryLeafBelowInRegistrationOrder() {
        SysctlResult r = run("net.key");
        int tableLimit = TableSizes.forHeap(Runtime.getRuntime().maxMemory());
        assertResult(r, "net.key.spi_minval: 256\n"
                + "net.key.spi_maxval: 268435455\n"
                + "net.key.larval_lifetime: 30\n"
                + "net.key.blockacq_count: 10\n"
                + "net.key.blockacq_lifetime: 20\n"
                + "net.key.preferred_oldsa: 1\n"
                + "net.key.sad_maxentries: " + tableLimit + "\n"
                + "net.key.spd_maxentries: " + tableLimit + "\n", "", 0);
    }

    @Test
    void nodeOrderIsNotAlphabetical() {
        String[] lines = run("net.inet.ipsec").out().split("\n");
        assertEquals("net.inet.ipsec.def_policy: 1", lines[0]);
        assertEquals("net.inet.ipsec.esp_trans_deflev: 1", lines[1]);
        assertEquals("net.inet.ipsec.crypto_support: hw+sw", lines[10]);
        assertEquals("net.inet.ipsec.check_policy_history: 0", lines[lines.length - 1]);
        assertEquals(16, lines.length);
    }

    @Test
    void nodeNameMustMatchWholeComponents() {
        assertResult(run("net.inet.ips"), "", "sysctl: unknown oid 'net.inet.ips'\n", 1);
    }

    @Test
    void allPrintsEveryLeafInOidOrder() {
        SysctlResult r = run("-a");
        String[] lines = r.out().split("\n");
        assertEquals(sysctl.knobs().size(), lines.length);
        assertEquals("net.inet.ip.forwarding: 0", lines[0]);
        assertEquals("net.inet6.ipsec6.filtertunnel: 0", lines[lines.length - 1]);
        assertEquals(0, r.status());
        assertEquals(37, lines.length);
    }

    @Test
    void valueOnlyWithN() {
        assertResult(run("-n", "net.inet.ipsec.esp_trans_deflev"), "1\n", "", 0);
    }

    @Test
    void equalsFormWithE() {
        assertResult(run("-e", "net.inet.ipsec.dfbit"), "net.inet.ipsec.dfbit=0\n", "", 0);
    }

    @Test
    void nameOnlyWithCapitalN() {
        assertResult(run("-N", "net.inet.ipsec.dfbit"), "net.inet.ipsec.dfbit\n", "", 0);
        assertEquals(37, run("-aN").out().split("\n").length);
    }

    @Test
    void descriptionWithD() {
        assertResult(run("-d", "net.inet.ipsec.dfbit"),
                "net.inet.ipsec.dfbit: Outer DF bit in tunnel mode: 0 clear, 1 set, 2 copy from inner\n", "", 0);
        assertResult(run("-dn", "net.inet.ipsec.dfbit"),
                "Outer DF bit in tunnel mode: 0 clear, 1 set, 2 copy from inner\n", "", 0);
    }

    @Test
    void descriptionOfNodeStartsWithTheNodeLine() {
        String[] lines = run("-d", "net.key").out().split("\n");
        assertEquals("net.key: Key Management", lines[0]);
        assertEquals("net.key.spi_minval: Lowest SPI the kernel chooses (getspi)", lines[1]);
        assertEquals(9, lines.length);
    }

    @Test
    void setPrintsOldArrowNew() {
        assertResult(run("net.inet.ipsec.def_policy=0"), "net.inet.ipsec.def_policy: 1 -> 0\n", "", 0);
        assertEquals(0, sysctl.getInt("net.inet.ipsec.def_policy"));
    }

    @Test
    void setWithValueOnly() {
        assertResult(run("-n", "net.inet.ipsec.esp_trans_deflev=2"), "1 -> 2\n", "", 0);
    }

    @Test
    void colonSeparatorBlanksAndQuotes() {
        assertResult(run("net.inet.ipsec.dfbit:2"), "net.inet.ipsec.dfbit: 0 -> 2\n", "", 0);
        assertResult(run("net.inet.ipsec.dfbit=  \"1\""), "net.inet.ipsec.dfbit: 2 -> 1\n", "", 0);
        assertResult(run("net.inet.ipsec.dfbit='0'"), "net.inet.ipsec.dfbit: 1 -> 0\n", "", 0);
    }

    @Test
    void integerInputIsStrtolBaseZero() {
        assertResult(run("net.inet.ipsec.min_pmtu=0x10"), "net.inet.ipsec.min_pmtu: 576 -> 16\n", "", 0);
        assertResult(run("net.inet.ipsec.min_pmtu=010"), "net.inet.ipsec.min_pmtu: 16 -> 8\n", "", 0);
        assertResult(run("net.inet.ipsec.ecn=-1"), "net.inet.ipsec.ecn: 0 -> -1\n", "", 0);
        assertResult(run("net.inet.ipsec.min_pmtu=08"), "", "sysctl: invalid integer '08'\n", 1);
        assertResult(run("net.inet.ipsec.min_pmtu=0x"), "", "sysctl: invalid integer '0x'\n", 1);
    }

    @Test
    void severalArgumentsLeftToRightEachOnItsOwnLine() {
        assertResult(run("net.inet.ipsec.dfbit=1", "net.inet.ipsec.dfbit", "-n"),
                "net.inet.ipsec.dfbit: 0 -> 1\nnet.inet.ipsec.dfbit: 1\n",
                "sysctl: unknown oid '-n'\n", 1);
    }

    @Test
    void unknownOid() {
        assertResult(run("net.inet.ipsec.nosuch"), "", "sysctl: unknown oid 'net.inet.ipsec.nosuch'\n", 1);
    }

    @Test
    void quietSuppressesTheWarningButNotTheStatus() {
        assertResult(run("-q", "net.inet.ipsec.nosuch"), "", "", 1);
    }

    @Test
    void ignoreSkipsUnknownNamesSilently() {
        assertResult(run("-i", "net.inet.ipsec.nosuch", "net.inet.ipsec.debug"), "net.inet.ipsec.debug: 0\n", "", 0);
    }

    @Test
    void valueNotANumber() {
        assertResult(run("net.inet.ipsec.esp_trans_deflev=abc"), "", "sysctl: invalid integer 'abc'\n", 1);
        assertEquals(1, sysctl.getInt("net.inet.ipsec.esp_trans_deflev"));
    }

    @Test
    void emptyValue() {
        assertResult(run("net.inet.ipsec.esp_trans_deflev="), "", "sysctl: empty numeric value\n", 1);
        assertResult(run("net.inet.ipsec.esp_trans_deflev=\"\""), "", "sysctl: empty numeric value\n", 1);
    }

    @Test
    void readOnlyLeaf() {
        assertResult(run("net.inet.ipsec.crypto_support=1"), "",
                "sysctl: oid 'net.inet.ipsec.crypto_support' is read only\n", 1);
    }

    @Test
    void settingANode() {
        assertResult(run("net.inet.ipsec=1"), "", "sysctl: oid 'net.inet.ipsec' isn't a leaf node\n", 1);
    }

    @Test
    void kernelRejectionPrintsOldValueThenInvalidArgument() {
        assertResult(run("net.inet.ipsec.def_policy=2"), "net.inet.ipsec.def_policy: 1\n",
                "sysctl: net.inet.ipsec.def_policy=2: Invalid argument\n", 1);
        assertResult(run("-n", "net.inet.ipsec.dfbit:3"), "0\n",
                "sysctl: net.inet.ipsec.dfbit:3: Invalid argument\n", 1);
        assertEquals(1, sysctl.getInt("net.inet.ipsec.def_policy"));
    }

    @Test
    void exitStatusCountsFailedArguments() {
        SysctlResult r = run("no.such", "net.inet.ipsec.def_policy=5", "net.inet.ipsec.debug", "x=1");
        assertEquals(3, r.status());
        assertEquals("net.inet.ipsec.def_policy: 1\nnet.inet.ipsec.debug: 0\n", r.out());
    }

    @Test
    void noArgumentIsAUsageError() {
        assertResult(run(), "", SysctlCommand.USAGE, 1);
        assertTrue(SysctlCommand.USAGE.startsWith("usage: sysctl [-bdehiNnoqTtWx]"));
    }

    @Test
    void unknownFlagIsAUsageError() {
        SysctlResult r = run("-z", "net.key");
        assertEquals(1, r.status());
        assertEquals("sysctl: illegal option -- z\n" + SysctlCommand.USAGE, r.err());
    }

    @Test
    void deflevAcceptsAnyIntAsTheKernelDoes() {
        assertResult(run("net.inet.ipsec.esp_trans_deflev=7"), "net.inet.ipsec.esp_trans_deflev: 1 -> 7\n", "", 0);
    }

    @Test
    void outOfIntRangeIsTruncatedLikeTheCCast() {
        assertResult(run("net.inet.ipsec.min_pmtu=4294967297"), "net.inet.ipsec.min_pmtu: 576 -> 1\n", "", 0);
        assertResult(run("net.inet.ipsec.min_pmtu=99999999999999999999"), "",
                "sysctl: invalid integer '99999999999999999999'\n", 1);
    }

    @Test
    void exampleSessionOfTheReference() {
        assertEquals("net.inet.ipsec.def_policy: 1\n", run("net.inet.ipsec.def_policy").out());
        assertEquals("net.inet.ipsec.def_policy: 1 -> 0\n", run("net.inet.ipsec.def_policy=0").out());
        assertEquals("1\n", run("-n", "net.inet.ipsec.esp_trans_deflev").out());
        assertEquals("sysctl: unknown oid 'net.inet.ipsec.nosuch'\n", run("net.inet.ipsec.nosuch").err());
        assertEquals("sysctl: invalid integer 'abc'\n", run("net.inet.ipsec.esp_trans_deflev=abc").err());
    }
}
