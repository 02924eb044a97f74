package org.jsetkey.shell.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsetkey.engine.profile.HostProfile;
import org.junit.jupiter.api.Test;

/** The Groovy two-terminal pair and the rc.conf profiles use one default port pair. */
class ShippedPortsTest {
    private static final Pattern DEFAULT = Pattern.compile("def (listen|peer) = args\\.size\\(\\) > [01] \\? args\\[[01]\\] : '(\\d+)'");

    @Test
    void theGroovyPairListensWhereTheProfilesDo() throws Exception {
        Path scripts = ScriptRun.scriptsDir();
        int phoenix = HostProfile.load(scripts.resolve("phoenix/rc.conf")).listen().getPort();
        int cardinal = HostProfile.load(scripts.resolve("cardinal/rc.conf")).listen().getPort();
        assertEquals(new Ports(phoenix, cardinal), defaults(scripts.resolve("phoenix.groovy")));
        assertEquals(new Ports(cardinal, phoenix), defaults(scripts.resolve("cardinal.groovy")));
    }

    private record Ports(int listen, int peer) {
    }

    private static Ports defaults(Path script) throws Exception {
        Matcher m = DEFAULT.matcher(Files.readString(script));
        int listen = -1;
        int peer = -1;
        while (m.find()) {
            if (m.group(1).equals("listen")) {
                listen = Integer.parseInt(m.group(2));
            } else {
                peer = Integer.parseInt(m.group(2));
            }
        }
        assertTrue(listen > 0 && peer > 0, script + " declares no default ports");
        return new Ports(listen, peer);
    }
}
