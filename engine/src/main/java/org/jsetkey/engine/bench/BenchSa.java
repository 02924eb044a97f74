package org.jsetkey.engine.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.net.IcmpEcho;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.spd.Spd;

/** SAs and packets for benchmarks, made the way a user makes them: with setkey statements. */
public final class BenchSa {
    public static final IpAddress SRC = IpAddress.parse("192.0.2.10");
    public static final IpAddress DST = IpAddress.parse("198.51.100.20");

    private BenchSa() {
    }

    /** An ICMP echo request of {@code totalBytes} bytes (IPv4 header included) from SRC to DST. */
    public static byte[] packet(int totalBytes) {
        return new IcmpEcho(false, false, 1, 1, new byte[totalBytes - 28]).toPacket(SRC, DST, 1, 64);
    }

    /** The one SA an {@code add} statement creates, in a SAD of its own. */
    public static SaEntry load(String addStatement) {
        Sad sad = new Sad(Clock.systemUTC(), new EventBus());
        Spd spd = new Spd(Clock.systemUTC(), new EventBus());
        List<String> errors = new ArrayList<>();
        new Setkey(sad, spd, 0).run(addStatement, "bench", new SetkeyListener() {
            @Override
            public void output(String text) {
            }

            @Override
            public void diagnostic(Diagnostic d) {
                errors.add(d.format());
            }
        });
        if (!errors.isEmpty() || sad.size() != 1) {
            throw new IllegalArgumentException("bench SA " + addStatement + ": " + errors);
        }
        return sad.snapshot().get(0);
    }

    /** {@code bytes} bytes of key material as setkey hex. */
    public static String hexKey(int bytes) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", (i * 37 + 11) & 0xff));
        }
        return sb.toString();
    }
}
