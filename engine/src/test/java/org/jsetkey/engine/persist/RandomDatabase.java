package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.sysctl.Knob;
import org.jsetkey.engine.sysctl.KnobType;
import org.jsetkey.engine.sysctl.Sysctl;

/**
 * Random setkey statements over every algorithm, protocol, mode, SA option, selector form,
 * direction, priority, action and level, plus deletes and sysctl settings. Some combinations
 * are invalid on purpose; the caller keeps what the host accepts.
 */
final class RandomDatabase {
    private static final String[] V4 = {"192.0.2.10", "198.51.100.20", "203.0.113.1", "10.0.0.1", "10.0.0.2"};
    private static final String[] V6 = {"2001:db8::1", "2001:db8::2", "2001:db8:1::10", "fe80::1"};
    private static final String[] PROTOS = {"esp", "esp", "esp", "ah", "ah", "ipcomp", "esp-old", "ah-old", "tcp"};
    private static final String[] MODES = {"", "-m any ", "-m transport ", "-m tunnel "};
    private static final String[] DIRS = {"in", "out", "fwd"};
    private static final String[] LEVELS = {"default", "use", "require", "unique", "unique:7", "unique:20000"};
    private static final String[] RULE_PROTOS = {"esp", "ah", "ipcomp"};

    private final Random random;

    RandomDatabase(long seed) {
        this.random = new Random(seed);
    }

    private <T> T pick(T[] a) {
        return a[random.nextInt(a.length)];
    }

    private <T> T pick(List<T> a) {
        return a.get(random.nextInt(a.size()));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** One statement or sysctl line. */
    String next(Sysctl sysctl, List<String> added) {
        int r = random.nextInt(100);
        if (r < 45) {
            return sa();
        } else if (r < 85) {
            return policy();
        } else if (r < 93) {
            return sysctlLine(sysctl);
        } else if (!added.isEmpty()) {
            return undo(pick(added));
        }
        return sa();
    }

    private String[] family() {
        return chance(70) ? V4 : V6;
    }

    String sa() {
        String[] fam = family();
        String proto = pick(PROTOS);
        StringBuilder sb = new StringBuilder("add ").append(pick(fam)).append(' ').append(pick(fam)).append(' ')
                .append(proto).append(' ').append(256 + random.nextInt(proto.equals("ipcomp") ? 60000 : 1 << 20))
                .append(' ');
        sb.append(pick(MODES));
        if (chance(40)) {
            sb.append("-r ").append(random.nextInt(64)).append(' ');
        }
        if (chance(40)) {
            sb.append("-u ").append(random.nextInt(5000)).append(' ');
        }
        if (chance(15)) {
            sb.append("-f ").append(pick(new String[] {"random-pad", "zero-pad", "nocyclic-seq"})).append(' ');
        }
        if (chance(20)) {
            sb.append("-f nocyclic-seq ");
        }
        if (chance(25)) {
            sb.append("-lh ").append(1 + random.nextInt(100000)).append(' ');
        }
        if (chance(25)) {
            sb.append("-ls ").append(1 + random.nextInt(100000)).append(' ');
        }
        if (chance(15)) {
            sb.append("-bh ").append(1 + random.nextInt(1 << 30)).append(' ');
        }
        if (chance(15)) {
            sb.append("-bs ").append(1 + random.nextInt(1 << 30)).append(' ');
        }
        if (chance(10)) {
            sb.append("-ctx ").append(chance(70) ? "1 1" : "2 5").append(" \"system_u:object_r:ipsec_spd_t:s0\" ");
        }
        switch (proto) {
            case "esp", "esp-old" -> {
                Algorithm enc = pick(Algorithms.of(AlgorithmKind.ENCRYPT));
                sb.append("-E ").append(enc.name()).append(key(enc));
                if (!enc.aead() && chance(70)) {
                    Algorithm auth = pick(Algorithms.of(AlgorithmKind.AUTH));
                    sb.append(" -A ").append(auth.name()).append(key(auth));
                }
            }
            case "ah", "ah-old", "tcp" -> {
                Algorithm auth = pick(Algorithms.of(AlgorithmKind.AUTH));
                sb.append("-A ").append(auth.name()).append(key(auth));
            }
            default -> {
                sb.append("-C ").append(pick(Algorithms.of(AlgorithmKind.COMPRESS)).name());
                if (chance(30)) {
                    sb.append(" -R");
                }
            }
        }
        return sb.append(';').toString();
    }

    private String key(Algorithm a) {
        if (a.keyless()) {
            return "";
        }
        List<Integer> sizes = new ArrayList<>();
        for (int bits = 8; bits <= 640; bits += 8) {
            if (a.keySizes().accepts(bits)) {
                sizes.add(bits);
            }
        }
        int bytes = pick(sizes) / 8;
        StringBuilder sb = new StringBuilder(" 0x");
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", random.nextInt(256)));
        }
        return sb.toString();
    }

    String policy() {
        String[] fam = family();
        boolean v4 = fam == V4;
        String upper = pick(v4 ? new String[] {"any", "tcp", "udp", "icmp", "50", "any"}
                : new String[] {"any", "tcp", "udp", "icmp6", "any"});
        StringBuilder sb = new StringBuilder(chance(85) ? "spdadd " : "spdupdate ");
        boolean icmp = upper.startsWith("icmp");
        sb.append(range(fam, v4, !icmp)).append(' ').append(range(fam, v4, !icmp)).append(' ').append(upper);
        if (icmp && chance(50)) {
            sb.append(' ').append(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(200)).append(',')
                    .append(random.nextInt(3) == 0 ? 0 : random.nextInt(16));
        }
        if (chance(10)) {
            sb.append(" -ctx 1 1 \"system_u:object_r:ipsec_spd_t:s0\"");
        }
        sb.append(" -P ").append(pick(DIRS));
        if (chance(30)) {
            sb.append(' ').append(pick(new String[] {"prio def", "prio high + 5", "prio low - 3", "prio 100",
                "priority -20", "prio def - 1000"}));
        }
        int a = random.nextInt(10);
        if (a == 0) {
            sb.append(" discard");
        } else if (a == 1) {
            sb.append(" none");
        } else if (a == 2) {
            sb.append(chance(50) ? " entrust" : " bypass");
        } else {
            sb.append(" ipsec");
            int rules = 1 + random.nextInt(3);
            for (int i = 0; i < rules; i++) {
                boolean tunnel = chance(30);
                sb.append(' ').append(pick(RULE_PROTOS)).append(tunnel ? "/tunnel/" : "/transport/");
                if (tunnel || chance(10)) {
                    sb.append(pick(fam)).append('-').append(pick(fam));
                }
                sb.append('/').append(pick(LEVELS));
            }
        }
        return sb.append(';').toString();
    }

    private String range(String[] fam, boolean v4, boolean ports) {
        String a = pick(fam);
        if (chance(40)) {
            a += "/" + random.nextInt(v4 ? 33 : 129);
        }
        if (ports && chance(30)) {
            a += "[" + (chance(30) ? "any" : Integer.toString(1 + random.nextInt(65535))) + "]";
        }
        return a;
    }

    String sysctlLine(Sysctl sysctl) {
        List<Knob> knobs = sysctl.knobs().stream().filter(k -> !k.readOnly() && k.type() == KnobType.INT).toList();
        Knob k = pick(knobs);
        long span = (long) k.max() - k.min();
        int v = span <= 4 ? k.min() + random.nextInt((int) span + 1) : k.min() == 0 || k.min() < -100
                ? random.nextInt(5) : k.min() + random.nextInt(5);
        return "sysctl " + k.name() + "=" + v;
    }

    /** A statement undoing an earlier one: delete of an SA, spddelete of a policy. */
    private String undo(String earlier) {
        String[] w = earlier.replace(";", "").split(" ");
        if (w[0].equals("add")) {
            return "delete " + w[1] + " " + w[2] + " " + w[3] + " " + w[4] + ";";
        }
        if (w[0].startsWith("spd")) {
            int p = earlier.indexOf(" -P ");
            String head = earlier.substring(earlier.indexOf(' ') + 1, p);
            String dir = earlier.substring(p + 4).split(" ")[0];
            return "spddelete " + head + " -P " + dir + ";";
        }
        return earlier;
    }
}
