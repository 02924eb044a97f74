package org.jsetkey.engine.setkey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sample configurations: the shared test vectors, the host profiles under scripts/ and inline ones. */
final class Samples {
    static final String FREEBSD_TWO_HOST = ""
            + "add 192.0.2.10 198.51.100.20 ah 15700 -A hmac-md5 \"1234567890123456\";\n"
            + "add 198.51.100.20 192.0.2.10 ah 24500 -A hmac-md5 \"1234567890123456\";\n"
            + "add 192.0.2.10 198.51.100.20 esp 15701 -E blowfish-cbc \"12345\";\n"
            + "add 198.51.100.20 192.0.2.10 esp 24501 -E blowfish-cbc \"12345\";\n"
            + "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//default ah/transport//default;\n"
            + "spdadd 198.51.100.20 192.0.2.10 any -P in ipsec esp/transport//default ah/transport//default;\n";

    private Samples() {
    }

    static String vector(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/vectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String script(String host) {
        Path p = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts").resolve(host)
                .resolve("ipsec.conf");
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sample by name. */
    static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String v : new String[] {"aes-cbc-sha256.conf", "aes-gcm.conf", "freebsd-howto.conf",
            "tunnel-esp.conf"}) {
            m.put(v, vector(v));
        }
        m.put("phoenix", script("phoenix"));
        m.put("cardinal", script("cardinal"));
        m.put("freebsd-two-host", FREEBSD_TWO_HOST);
        m.put("every-statement", ""
                + "add -4n 10.0.0.1 10.0.0.2 esp-old 300 -E des-32iv 0x0123456789abcdef;\n"
                + "add 10.0.0.1 10.0.0.2 esp 301 -m tunnel -r 32 -u 5 -f zero-pad -f nocyclic-seq -lh 100 -ls 80"
                + " -bh 1000 -bs 800 -E des-deriv \"12345678\" -A hmac-sha1 \"12345678901234567890\";\n"
                + "add 10.0.0.1 10.0.0.2 ipcomp 70000 -C deflate -R;\n"
                + "add 10.0.0.1 10.0.0.2 tcp 0x1000 -A tcp-md5 \"secret\";\n"
                + "add 2001:db8::1 2001:db8::2 ah-old 400 -A keyed-md5 0x00112233445566778899aabbccddeeff;\n"
                + "add 10.0.0.1 10.0.0.2 esp 302 -ctx 1 1 \"system_u:object_r:ipsec_spd_t:s0\" -E null"
                + " -A aes-xcbc-mac 0x00112233445566778899aabbccddeeff;\n"
                + "update 10.0.0.1 10.0.0.2 esp 302 -E aes-gcm-16 0x000102030405060708090a0b0c0d0e0fcafebabe;\n"
                + "get 10.0.0.1 10.0.0.2 esp 301;\n"
                + "delete 10.0.0.1 10.0.0.2 esp 301;\n"
                + "deleteall 10.0.0.1 10.0.0.2 tcp;\n"
                + "dump esp; dump; flush ipcomp;\n"
                + "spdadd 10.0.0.0/8[any] 10.1.0.0/16[443] tcp -P out prio low - 3 discard;\n"
                + "spdadd -6 2001:db8::/32 2001:db8:1::/48 icmp6 128,0 -P fwd priority -10 none;\n"
                + "spdupdate 10.0.0.1 10.0.0.2 icmp 8,0 -ctx 1 2 \"ctx\" -P in ipsec"
                + " ah/transport/10.0.0.1-10.0.0.2/use ipcomp/transport//unique esp/tunnel/10.0.0.3-10.0.0.4/unique:9;\n"
                + "spdadd 10.0.0.1 10.0.0.2 udp -P in prio def + 7 ipsec esp/transport/ esp/transport;\n"
                + "spddelete 10.0.0.1 10.0.0.2 udp -P in;\n"
                + "spddump; spdflush;\n"
                + "exit;\n");
        return m;
    }
}
