package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.spd.Spd;
import org.junit.jupiter.api.Test;

class ConfigWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-05T01:02:03Z"), ZoneOffset.UTC);

    private static final String CONFIG = String.join("\n",
            "add 10.0.0.1 10.0.0.2 esp 0x1000 -m transport -r 4 -lh 3600 -ls 2880 -u 7 -f random-pad",
            "    -E 3des-cbc 0x0123456789abcdeffedcba98765432100011223344556677",
            "    -A hmac-sha1 0x00112233445566778899aabbccddeeff00112233 ;",
            "add 10.0.0.2 10.0.0.1 ipcomp 4 -C deflate ;",
            "add 2001:db8::1 2001:db8::2 ah 300 -A hmac-sha2-256 \"0123456789abcdef0123456789abcdef\";",
            "add 10.0.0.1 10.0.0.2 esp 0x2000 -E aes-gcm-16 0x000102030405060708090a0b0c0d0e0fcafebabe;",
            "spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require ah/transport//unique:7;",
            "spdadd 192.168.1.0/24 192.168.2.0/24[80] tcp -P in ipsec esp/tunnel/10.0.0.2-10.0.0.1/use;",
            "spdadd ::/0 ::/0 icmp6 135,0 -P in none;",
            "");

    private static Setkey fresh(Sad[] sad, Spd[] spd) {
        sad[0] = new Sad(CLOCK, new EventBus());
        spd[0] = new Spd(CLOCK, new EventBus());
        return new Setkey(sad[0], spd[0], 4321);
    }

    private static void run(Setkey s, String text) {
        RecordingListener listener = new RecordingListener();
        s.run(text, "t", listener);
        assertEquals(List.of(), listener.formatted());
    }

    @Test
    void savedFileRebuildsTheSameDatabases() {
        Sad[] sad = new Sad[1];
        Spd[] spd = new Spd[1];
        Setkey original = fresh(sad, spd);
        run(original, CONFIG);
        String saved = ConfigWriter.write(sad[0], spd[0]);
        assertTrue(saved.startsWith("# written by jsetkey; load it with: jsetkey -f FILE\nflush;\nspdflush;\nadd "),
                saved);
        Sad[] sad2 = new Sad[1];
        Spd[] spd2 = new Spd[1];
        Setkey restored = fresh(sad2, spd2);
        run(restored, saved);
        assertEquals(original.dumpSad(false), restored.dumpSad(false));
        assertEquals(original.dumpSpd(), restored.dumpSpd());
        assertEquals(saved, ConfigWriter.write(sad2[0], spd2[0]));
    }

    @Test
    void emptyDatabasesSaveAsJustTheFlushes() {
        Sad[] sad = new Sad[1];
        Spd[] spd = new Spd[1];
        fresh(sad, spd);
        assertEquals("# written by jsetkey; load it with: jsetkey -f FILE\nflush;\nspdflush;\n",
                ConfigWriter.write(sad[0], spd[0]));
    }
}
