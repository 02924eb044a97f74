package org.jsetkey.shell.tun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host started with --tun but without CAP_NET_ADMIN (as root: the capability taken away with
 * setpriv): one line says what is missing and how to grant it, and the rest of the host works.
 */
class TunWithoutCapabilityIT {
    @TempDir
    Path tmp;

    @Test
    void oneSentenceSaysWhatIsMissingAndTheHostWorksOn() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/net/tun")), "skipped: no /dev/net/tun on this machine");
        boolean root = Netns.run(10, null, null, "id", "-u").out().strip().equals("0");
        assumeTrue(!root || Netns.run(10, null, null, "setpriv", "--version").exit() == 0,
                "skipped: root without setpriv (util-linux) cannot drop CAP_NET_ADMIN");
        String ifname = "tnc" + ProcessHandle.current().pid();
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("setpriv", "--bounding-set=-net_admin", "--inh-caps=-net_admin", "--"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.jsetkey.shell.Main", "--name", "gwa", "--addr",
                "192.0.2.1", "--tun", ifname + "=10.1.0.1/24"));
        Path in = tmp.resolve("in");
        Files.writeString(in, "spdadd 10.1.0.0/24 10.2.0.0/24 any -P out none;\nspddump\nping -c 1 192.0.2.1\n");
        Path out = tmp.resolve("out");
        Netns.Run run = Netns.run(60, in, out, cmd.toArray(String[]::new));
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals("jsetkey: " + ifname + ": not created: a TUN interface needs CAP_NET_ADMIN; run jsetkey as root"
                + " or grant the capability (setcap cap_net_admin+ep \"$(readlink -f \"$(command -v java)\")\")\n",
                run.out());
        assertTrue(stdout.contains("10.1.0.0/24[any] 10.2.0.0/24[any] any\n\tout none\n"), stdout);
        assertTrue(stdout.contains("1 packets transmitted, 1 received"), stdout);
        assertNotEquals(0, run.exit(), "the boot failed, so the run does");
        assertNotEquals(0, Netns.run(10, null, null, "ip", "link", "show", ifname).exit(), "no interface left");
    }
}
