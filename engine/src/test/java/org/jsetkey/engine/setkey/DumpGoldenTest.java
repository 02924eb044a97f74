package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The worked examples of architecture.md §8.3 and §9, byte for byte. */
class DumpGoldenTest {

    @Test
    void saDumpMatchesWorkedExample() {
        Lab lab = new Lab();
        lab.ok("add 10.0.0.1 10.0.0.2 esp 0x1000 -m transport -r 4 -lh 3600 -ls 2880\n"
                + "    -E 3des-cbc 0x0123456789abcdeffedcba98765432100011223344556677\n"
                + "    -A hmac-sha1 0x00112233445566778899aabbccddeeff00112233 ;\n"
                + "add 10.0.0.2 10.0.0.1 ipcomp 4 -C deflate ;\n");
        lab.clock.advanceSeconds(600);
        String expected = "10.0.0.2 10.0.0.1\n"
                + "\tipcomp mode=any spi=4(0x00000004) reqid=0(0x00000000)\n"
                + "\tC: deflate \tseq=0x00000000 replay=0 flags=0x00000040 state=mature \n"
                + "\tcreated: Jan  5 01:02:03 2024\tcurrent: Jan  5 01:12:03 2024\n"
                + "\tdiff: 600(s)\thard: 0(s)\tsoft: 0(s)\n"
                + "\tlast:                     \thard: 0(s)\tsoft: 0(s)\n"
                + "\tcurrent: 0(bytes)\thard: 0(bytes)\tsoft: 0(bytes)\n"
                + "\tallocated: 0\thard: 0\tsoft: 0\n"
                + "\tsadb_seq=1 pid=4321 refcnt=1\n"
                + "10.0.0.1 10.0.0.2\n"
                + "\tesp mode=transport spi=4096(0x00001000) reqid=0(0x00000000)\n"
                + "\tE: 3des-cbc  01234567 89abcdef fedcba98 76543210 00112233 44556677\n"
                + "\tA: hmac-sha1  00112233 44556677 8899aabb ccddeeff 00112233\n"
                + "\tseq=0x00000000 replay=4 flags=0x00000040 state=mature \n"
                + "\tcreated: Jan  5 01:02:03 2024\tcurrent: Jan  5 01:12:03 2024\n"
                + "\tdiff: 600(s)\thard: 3600(s)\tsoft: 2880(s)\n"
                + "\tlast:                     \thard: 0(s)\tsoft: 0(s)\n"
                + "\tcurrent: 0(bytes)\thard: 0(bytes)\tsoft: 0(bytes)\n"
                + "\tallocated: 0\thard: 0\tsoft: 0\n"
                + "\tsadb_seq=0 pid=4321 refcnt=1\n";
        assertEquals(expected, lab.setkey.dumpSad(false));
        lab.ok("dump;");
        assertEquals(expected, lab.output.toString());
    }

    @Test
    void spdDumpMatchesWorkedExample() {
        Lab lab = new Lab();
        lab.ok("spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require ah/transport//require ;\n"
                + "spdadd 192.168.1.0/24 192.168.2.0/24[80] tcp -P in ipsec\n"
                + "       esp/tunnel/10.0.0.2-10.0.0.1/unique:7 ;\n"
                + "spdadd ::/0 ::/0 icmp6 135,0 -P in none ;\n");
        String never = " ".repeat(20);
        String expected = "192.168.1.0/24[any] 192.168.2.0/24[80] tcp\n"
                + "\tin ipsec\n"
                + "\tesp/tunnel/10.0.0.2-10.0.0.1/unique:7\n"
                + "\tcreated: Jan  5 01:02:03 2024  lastused: " + never + "\n"
                + "\tlifetime: 0(s) validtime: 0(s)\n"
                + "\tspid=2 seq=2 pid=4321\n"
                + "\trefcnt=1\n"
                + "::/0 ::/0 icmp6 135,0\n"
                + "\tin none\n"
                + "\tcreated: Jan  5 01:02:03 2024  lastused: " + never + "\n"
                + "\tlifetime: 0(s) validtime: 0(s)\n"
                + "\tspid=3 seq=1 pid=4321\n"
                + "\trefcnt=1\n"
                + "10.0.0.1[any] 10.0.0.2[any] any\n"
                + "\tout ipsec\n"
                + "\tesp/transport//require\n"
                + "\tah/transport//require\n"
                + "\tcreated: Jan  5 01:02:03 2024  lastused: " + never + "\n"
                + "\tlifetime: 0(s) validtime: 0(s)\n"
                + "\tspid=1 seq=0 pid=4321\n"
                + "\trefcnt=1\n";
        assertEquals(expected, lab.setkey.dumpSpd());
        lab.ok("spddump;");
        assertEquals(expected, lab.output.toString());
    }

    @Test
    void emptyDatabasesSaySo() {
        Lab lab = new Lab();
        assertEquals("No SAD entries.\n", lab.setkey.dumpSad(false));
        assertEquals("No SPD entries.\n", lab.setkey.dumpSpd());
        lab.ok("dump; spddump;");
        assertEquals("No SAD entries.\nNo SPD entries.\n", lab.output.toString());
    }

    @Test
    void longKeyWrapsEvery32BytesWithoutTab() {
        Lab lab = new Lab();
        lab.ok("add 10.0.0.1 10.0.0.2 ah 300 -A hmac-sha2-512 0x" + "00112233".repeat(16) + ";");
        String dump = lab.setkey.dumpSad(false);
        String groups = " 00112233".repeat(8);
        assertEquals(true, dump.contains("\tA: hmac-sha2-512 " + groups + "\n" + groups + "\n\tseq="), dump);
    }

    @Test
    void oddLengthKeyGroupsAndFlags() {
        Lab lab = new Lab();
        lab.ok("add 10.0.0.1 10.0.0.2 esp 15701 -f random-pad -E blowfish-cbc \"12345\";");
        String dump = lab.setkey.dumpSad(false);
        assertEquals(true, dump.contains("\tE: blowfish-cbc  31323334 35\n"), dump);
        assertEquals(true, dump.contains("flags=0x00000140 state=mature \n"), dump);
    }

    @Test
    void priorityShownOnlyWhenGiven() {
        Lab lab = new Lab();
        lab.ok("spdadd 10.0.0.1 10.0.0.2 any -P out prio high + 5 discard;\n"
                + "spdadd 10.0.0.3 10.0.0.4 udp -P out none;");
        String dump = lab.setkey.dumpSpd();
        assertEquals(true, dump.contains("\tout prio high + 5 discard\n"), dump);
        assertEquals(true, dump.contains("10.0.0.3[any] 10.0.0.4[any] udp\n\tout none\n"), dump);
    }

    @Test
    void policySecurityContextPrintsBeforeTheTimes() {
        Lab lab = new Lab();
        lab.ok("spdadd 10.0.0.3 10.0.0.4 any -ctx 1 1 \"system_u:object_r:ipsec_spd_t:s0\" -P out none;");
        String dump = lab.setkey.dumpSpd();
        assertEquals(true, dump.startsWith("10.0.0.3[any] 10.0.0.4[any] any\n\tout none\n"
                + "\tsecurity context doi: 1\n\tsecurity context algorithm: 1\n\tsecurity context length: 33\n"
                + "\tsecurity context: system_u:object_r:ipsec_spd_t:s0\n\tcreated: "), dump);
    }

    /** Ctrl-C interrupts the thread that prints: a dump of many entries stops there instead of formatting them all. */
    @Test
    void anInterruptedThreadStopsTheDump() {
        Lab lab = new Lab();
        lab.ok("add 10.0.0.1 10.0.0.2 esp 0x1000 -E null;\nadd 10.0.0.1 10.0.0.2 esp 0x1001 -E null;\n"
                + "spdadd 10.0.0.1 10.0.0.2 any -P out none;\nspdadd 10.0.0.1 10.0.0.3 any -P out none;\n");
        Thread.currentThread().interrupt();
        try {
            assertEquals("", lab.setkey.dumpSad(false));
            assertEquals("", lab.setkey.dumpSpd());
            assertEquals(true, Thread.currentThread().isInterrupted(), "the interrupt stays set for the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals(2, lab.setkey.dumpSad(false).split("sadb_seq=").length - 1);
        assertEquals(2, lab.setkey.dumpSpd().split("spid=").length - 1);
    }
}
