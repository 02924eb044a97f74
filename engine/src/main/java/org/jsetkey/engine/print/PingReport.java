package org.jsetkey.engine.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;

/** iputils {@code ping} text (Debian 12, iputils 20221126): header, reply lines and summary. */
public final class PingReport {
    private PingReport() {
    }

    /** {@code PING host (addr) 56(84) bytes of data.} or, for IPv6, {@code PING host(addr) 56 data bytes}. */
    public static String header(String hostAsTyped, IpAddress address, int size) {
        if (address.isV6()) {
            return "PING " + hostAsTyped + "(" + address.format() + ") " + size + " data bytes";
        }
        return "PING " + hostAsTyped + " (" + address.format() + ") " + size + "(" + (size + 28) + ") bytes of data.";
    }

    /**
     * {@code 64 bytes from 198.51.100.20: icmp_seq=1 ttl=64 time=0.027 ms}.
     *
     * @param rttMicros negative when the payload is too small to carry a timestamp
     */
    public static String reply(int bytes, IpAddress from, String nameAsTyped, int seq, int ttl, long rttMicros,
                               boolean duplicate) {
        StringBuilder sb = new StringBuilder().append(bytes).append(" bytes from ");
        if (nameAsTyped != null && !nameAsTyped.equals(from.format())) {
            sb.append(nameAsTyped).append(" (").append(from.format()).append(')');
        } else {
            sb.append(from.format());
        }
        sb.append(": icmp_seq=").append(seq).append(" ttl=").append(ttl);
        if (rttMicros >= 0) {
            sb.append(" time=").append(rtt(rttMicros)).append(" ms");
        }
        if (duplicate) {
            sb.append(" (DUP!)");
        }
        return sb.toString();
    }

    /** A per-reply round-trip time: 3 decimals below 1 ms, 2 below 10, 1 below 100, none above. */
    public static String rtt(long micros) {
        if (micros >= 100_000 - 50) {
            return Long.toString((micros + 500) / 1000);
        }
        if (micros >= 10_000 - 5) {
            long tenths = (micros + 50) / 100;
            return tenths / 10 + "." + tenths % 10;
        }
        if (micros >= 1000) {
            long hundredths = (micros + 5) / 10;
            return hundredths / 100 + "." + String.format("%02d", hundredths % 100);
        }
        return micros / 1000 + "." + String.format("%03d", micros % 1000);
    }

    /**
     * The closing block: empty line, {@code --- host ping statistics ---}, the counts line and
     * the rtt line (or an empty line when there is no timing or no reply).
     */
    public static String summary(String hostAsTyped, int transmitted, int received, int duplicates, int errors,
                                 long elapsedMillis, List<Long> rttsMicros, boolean timing) {
        return summary(hostAsTyped, transmitted, received, duplicates, errors, elapsedMillis, rttsMicros, timing,
                false);
    }

    /**
     * The closing block; {@code adaptive} (flood, or interval 0) adds iputils' {@code ipg/ewma}
     * to the rtt line when more than one probe went out and a reply came: the mean gap between
     * probes and the smoothed round-trip time of the replies in their order of arrival.
     */
    public static String summary(String hostAsTyped, int transmitted, int received, int duplicates, int errors,
                                 long elapsedMillis, List<Long> rttsMicros, boolean timing, boolean adaptive) {
        StringBuilder sb = new StringBuilder("\n--- ").append(hostAsTyped).append(" ping statistics ---\n");
        sb.append(transmitted).append(" packets transmitted, ").append(received).append(" received");
        if (duplicates > 0) {
            sb.append(", +").append(duplicates).append(" duplicates");
        }
        if (errors > 0) {
            sb.append(", +").append(errors).append(" errors");
        }
        sb.append(", ").append(loss(transmitted, received)).append("% packet loss, time ").append(elapsedMillis)
                .append("ms\n");
        boolean rtt = timing && !rttsMicros.isEmpty();
        if (rtt) {
            sb.append(rttLine(rttsMicros));
        }
        if (adaptive && received > 0 && transmitted > 1) {
            sb.append(rtt ? ", " : "").append(ipgEwma(elapsedMillis, transmitted, rttsMicros));
        }
        return sb.append('\n').toString();
    }

    /** {@code ipg/ewma 0.046/0.027 ms}: iputils' integer arithmetic, the ewma kept in 1/8 µs. */
    static String ipgEwma(long elapsedMillis, int transmitted, List<Long> rttsMicros) {
        long ipg = elapsedMillis * 1000 / (transmitted - 1);
        long ewma = 0;
        for (long micros : rttsMicros) {
            ewma = ewma == 0 ? micros * 8 : ewma + micros - ewma / 8;
        }
        return String.format("ipg/ewma %d.%03d/%d.%03d ms", ipg / 1000, ipg % 1000, ewma / 8000, (ewma / 8) % 1000);
    }

    /** Loss printed like C's {@code %g}: 0, 50, 33.3333, 100. */
    public static String loss(int transmitted, int received) {
        if (transmitted == 0) {
            return "0";
        }
        double pct = 100.0 * (transmitted - received) / transmitted;
        if (pct == 0) {
            return "0";
        }
        return new BigDecimal(pct).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** {@code rtt min/avg/max/mdev = a/b/c/d ms}, with iputils' integer microsecond arithmetic. */
    public static String rttLine(List<Long> rttsMicros) {
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        long sum2 = 0;
        for (long t : rttsMicros) {
            min = Math.min(min, t);
            max = Math.max(max, t);
            sum += t;
            sum2 += t * t;
        }
        long n = rttsMicros.size();
        long avg = sum / n;
        long mdev = (long) Math.sqrt((double) (sum2 / n - avg * avg));
        return "rtt min/avg/max/mdev = " + ms(min) + "/" + ms(avg) + "/" + ms(max) + "/" + ms(mdev) + " ms";
    }

    private static String ms(long micros) {
        return micros / 1000 + "." + String.format("%03d", micros % 1000);
    }
}
