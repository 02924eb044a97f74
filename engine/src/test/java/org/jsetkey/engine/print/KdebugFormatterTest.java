package org.jsetkey.engine.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.stats.DropReason;
import org.junit.jupiter.api.Test;

/** The worked examples of architecture.md §15.3, byte for byte. */
class KdebugFormatterTest {
    private static final long ADDED = 1_704_416_523L;

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        long millis;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final HandClock clock = new HandClock();
    private final EventBus bus = new EventBus();
    private final List<KeyEvent> events = new ArrayList<>();
    private final Sad sad = new Sad(clock, bus);
    private final Spd spd = new Spd(clock, bus);
    private final KdebugFormatter x = new KdebugFormatter(ZoneOffset.UTC, false, 4321);

    KdebugFormatterTest() {
        bus.subscribe(events::add);
        clock.millis = ADDED * 1000;
    }

    private void setkey(String text) {
        new Setkey(sad, spd, 4321).run(text, "t", new SetkeyListener() {
            @Override
            public void output(String t) {
            }

            @Override
            public void diagnostic(Diagnostic d) {
                throw new AssertionError(d.format());
            }
        });
    }

    private static final String ADD_BODY = String.join("\n",
            "01:02:03.000000 ",
            "sadb_msg{ version=2 type=3(ADD) errno=0 satype=3",
            "  len=20 reserved=0 seq=0 pid=4321",
            "sadb_ext{ len=2 type=1(SA) }",
            "sadb_sa{ spi=4096 replay=4 state=0",
            "  auth=3 encrypt=3 flags=0x00000040 }",
            "sadb_ext{ len=2 type=19(SA2) }",
            "sadb_x_sa2{ mode=1 reqid=0",
            "  reserved1=0 reserved2=0 sequence=0 }",
            "sadb_ext{ len=3 type=5(ADDRESS_SRC) }",
            "sadb_address{ proto=255 prefixlen=32 reserved=0x0000 }",
            "sockaddr{ len=16 family=2 addr=10.0.0.1 }",
            "sadb_ext{ len=3 type=6(ADDRESS_DST) }",
            "sadb_address{ proto=255 prefixlen=32 reserved=0x0000 }",
            "sockaddr{ len=16 family=2 addr=10.0.0.2 }",
            "sadb_ext{ len=4 type=3(LIFETIME_HARD) }",
            "sadb_lifetime{ alloc=0, bytes=0",
            "  addtime=3600, usetime=0 }",
            "sadb_ext{ len=4 type=4(LIFETIME_SOFT) }",
            "sadb_lifetime{ alloc=0, bytes=0",
            "  addtime=2880, usetime=0 }",
            "", "");

    private void addWorkedExample() {
        setkey("add 10.0.0.1 10.0.0.2 esp 0x1000 -m transport -r 4 -lh 3600 -ls 2880\n"
                + "    -E 3des-cbc 0x0123456789abcdeffedcba98765432100011223344556677\n"
                + "    -A hmac-sha1 0x00112233445566778899aabbccddeeff00112233 ;");
    }

    @Test
    void addReplyIsPrintedTwiceAsTheMonitorReceivesItTwice() {
        addWorkedExample();
        assertEquals(ADD_BODY + ADD_BODY, x.format(events.get(0)));
    }

    @Test
    void epochTimestampWithDoubleX() {
        addWorkedExample();
        String text = new KdebugFormatter(ZoneOffset.UTC, true, 4321).format(events.get(0));
        assertEquals("1704416523.000000 \n", text.substring(0, text.indexOf('\n') + 1));
    }

    @Test
    void acquireMatchesTheWorkedExample() {
        setkey("spdadd 10.0.0.1 10.0.0.3 any -P out ipsec esp/transport//require;");
        clock.millis = (ADDED + 177) * 1000;
        org.jsetkey.engine.spd.SpdEntry policy = spd.snapshot().get(0);
        KeyEvent.Acquire a = new KeyEvent.Acquire(clock.millis(), 1, IpAddress.parse("10.0.0.1"),
                IpAddress.parse("10.0.0.3"), policy.policy().rules().get(0), policy);
        assertEquals(String.join("\n",
                "01:05:00.000000 ",
                "sadb_msg{ version=2 type=6(ACQUIRE) errno=0 satype=3",
                "  len=20 reserved=0 seq=1 pid=0",
                "sadb_ext{ len=3 type=5(ADDRESS_SRC) }",
                "sadb_address{ proto=255 prefixlen=32 reserved=0x0000 }",
                "sockaddr{ len=16 family=2 addr=10.0.0.1 }",
                "sadb_ext{ len=3 type=6(ADDRESS_DST) }",
                "sadb_address{ proto=255 prefixlen=32 reserved=0x0000 }",
                "sockaddr{ len=16 family=2 addr=10.0.0.3 }",
                "sadb_ext{ len=2 type=18(POLICY) }",
                "sadb_x_policy{ type=2 dir=2 id=1 scope=0 priority=0 }",
                "sadb_ext{ len=10 type=13(PROPOSAL) }",
                "sadb_prop{ replay=32",
                "sadb_comb{ auth=0 encrypt=12 flags=0x0000 reserved=0x00000000",
                "  auth_minbits=0 auth_maxbits=0 encrypt_minbits=128 encrypt_maxbits=256",
                "  soft_alloc=0 hard_alloc=0 soft_bytes=0 hard_bytes=0",
                "  soft_alloc=0 hard_alloc=0 soft_bytes=0 hard_bytes=0 }",
                "}", "", ""), x.format(a));
    }

    @Test
    void softAndHardExpireMatchTheWorkedExample() {
        addWorkedExample();
        SaEntry e = sad.snapshot().get(0);
        for (int i = 0; i < 3; i++) {
            e.countPacket();
        }
        e.addBytes(252);
        e.markUsed((ADDED + 60) * 1000);
        clock.millis = (ADDED + 2881) * 1000;
        String soft = x.format(new KeyEvent.Expire(clock.millis(), e, false));
        assertEquals(String.join("\n",
                "01:50:04.000000 ",
                "sadb_msg{ version=2 type=8(EXPIRE) errno=0 satype=3",
                "  len=20 reserved=1 seq=0 pid=0",
                "sadb_ext{ len=2 type=1(SA) }",
                "sadb_sa{ spi=4096 replay=4 state=2",
                "  auth=3 encrypt=3 flags=0x00000040 }",
                "sadb_ext{ len=2 type=19(SA2) }",
                "sadb_x_sa2{ mode=1 reqid=0",
                "  reserved1=0 reserved2=0 sequence=3 }",
                "sadb_ext{ len=4 type=2(LIFETIME_CURRENT) }",
                "sadb_lifetime{ alloc=3, bytes=252",
                "  addtime=1704416523, usetime=1704416583 }",
                "sadb_ext{ len=4 type=4(LIFETIME_SOFT) }",
                "sadb_lifetime{ alloc=0, bytes=0",
                "  addtime=2880, usetime=0 }",
                "sadb_ext{ len=3 type=5(ADDRESS_SRC) }",
                "sadb_address{ proto=255 prefixlen=32 reserved=0x0000 }",
                "sockaddr{ len=16 family=2 addr=10.0.0.1 }",
                "sadb_ext{ len=3 type=6(ADDRESS_DST) }",
                "sadb_address{ proto=255 prefixlen=32 reserved=0x0000 }",
                "sockaddr{ len=16 family=2 addr=10.0.0.2 }",
                "", ""), soft);
        clock.millis = (ADDED + 3601) * 1000;
        String hard = x.format(new KeyEvent.Expire(clock.millis(), e, true));
        assertEquals("02:02:04.000000 ", hard.substring(0, hard.indexOf('\n')));
        assertEquals(true, hard.contains("sadb_sa{ spi=4096 replay=4 state=3\n"));
        assertEquals(true, hard.contains("sadb_ext{ len=4 type=3(LIFETIME_HARD) }\nsadb_lifetime{ alloc=0, bytes=0\n"
                + "  addtime=3600, usetime=0 }\n"));
    }

    @Test
    void flushAndSpdFlushAreHeaderOnly() {
        setkey("flush; spdflush;");
        String one = "01:02:03.000000 \nsadb_msg{ version=2 type=9(FLUSH) errno=0 satype=0\n"
                + "  len=2 reserved=0 seq=0 pid=4321\n\n";
        assertEquals(one + one, x.format(events.get(0)));
        String spdFlush = x.format(events.get(1));
        assertEquals(true, spdFlush.contains("type=19(X_SPDFLUSH) errno=0 satype=0\n  len=2 "), spdFlush);
    }

    @Test
    void dropsAreNotPfKeyMessages() {
        assertEquals("", x.format(new KeyEvent.Drop(0, DropReason.REPLAY, "x", List.of())));
    }
}
