package org.jsetkey.engine.setkey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jsetkey.engine.Keywords;
import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.setkey.stmt.PadFlag;
import org.jsetkey.engine.setkey.stmt.SaProtocol;
import org.jsetkey.engine.spd.Direction;
import org.jsetkey.engine.spd.Level;
import org.jsetkey.engine.spd.PolicyAction;

/**
 * The setkey language declared once (architecture.md §2-§6): every statement with its slots, the
 * SA options and the words valid in each place. The parser walks these declarations, and
 * completion ({@link #expectedAt}) and help ({@link #help}) are read from them.
 */
public final class Grammar {
    private static final Slot AIFLAGS = opt("aiflags", SlotKind.AIFLAGS,
            "-4, -6 or -n right after the statement word: IPv4 only, IPv6 only, numeric only");
    private static final Slot SRC = slot("src", SlotKind.ADDRESS,
            "source address (numeric IPv4 or IPv6); [port] with esp-udp (default 4500)");
    private static final Slot DST = slot("dst", SlotKind.ADDRESS,
            "destination address (numeric IPv4 or IPv6); [port] with esp-udp (default 4500)");
    private static final Slot PROTO = slot("protocol", SlotKind.SA_PROTOCOL,
            "esp, esp-old, esp-udp [NAT original address], ah, ah-old, ipcomp or tcp");
    private static final Slot PROTO_OPT = opt("protocol", SlotKind.SA_PROTOCOL, "only SAs of this protocol");
    private static final Slot SPI = slot("spi", SlotKind.SPI,
            "SPI, decimal or 0x hex (esp/ah: 256-4294967295; ipcomp without -R: below 0x10000)");
    private static final Slot EXT = opt("options", SlotKind.SA_OPTIONS,
            "-m mode, -r replay, -u reqid, -f flag, -lh/-ls/-bh/-bs lifetimes, -ctx context, -natt/-natt_mtu (esp)");
    private static final Slot ALG = slot("algorithm", SlotKind.ALGORITHMS,
            "-E ealg key [-A aalg key] (esp), -A aalg key (ah, tcp), -C calg [-R] (ipcomp)");
    private static final Slot SRC_RANGE = slot("src_range", SlotKind.RANGE, "address[/prefixlen][[port]]");
    private static final Slot DST_RANGE = slot("dst_range", SlotKind.RANGE, "address[/prefixlen][[port]]");
    private static final Slot UPPER = slot("upperspec", SlotKind.UPPERSPEC,
            "any, a protocol name or number, icmp6 type,code or icmp type,code");
    private static final Slot LABEL = opt("label", SlotKind.LABEL, "-ctx doi algorithm \"context\"");
    private static final Slot POLICY = slot("policy", SlotKind.POLICY,
            "-P in|out|fwd [prio ...] discard | none | ipsec proto/mode/src-dst/level ...");
    private static final Slot DIR_POLICY = slot("policy", SlotKind.DIRECTION_POLICY,
            "-P in|out|fwd (anything after the direction is ignored)");
    private static final Slot END = slot(";", SlotKind.END, "end of statement");

    private static final List<StatementSpec> STATEMENTS = List.of(
            spec("add", "add a security association", Builders::add,
                    AIFLAGS, SRC, DST, PROTO, SPI, EXT, ALG, END),
            spec("update", "change the keys and parameters of an existing SA", Builders::update,
                    AIFLAGS, SRC, DST, PROTO, SPI, EXT, ALG, END),
            spec("get", "print one SA", Builders::get, AIFLAGS, SRC, DST, PROTO, SPI, EXT, END),
            spec("delete", "remove one SA", Builders::delete, AIFLAGS, SRC, DST, PROTO, SPI, EXT, END),
            spec("deleteall", "remove every SA between two hosts of one protocol", Builders::deleteAll,
                    AIFLAGS, SRC, DST, PROTO, END),
            spec("flush", "remove all SAs (or those of one protocol)", Builders::flush, PROTO_OPT, END),
            spec("dump", "print all SAs (or those of one protocol)", Builders::dump, PROTO_OPT, END),
            spec("spdadd", "add a security policy", Builders::spdAdd,
                    AIFLAGS, SRC_RANGE, DST_RANGE, UPPER, LABEL, POLICY, END),
            spec("spdupdate", "replace (or add) a security policy", Builders::spdUpdate,
                    AIFLAGS, SRC_RANGE, DST_RANGE, UPPER, LABEL, POLICY, END),
            spec("spddelete", "remove a security policy", Builders::spdDelete,
                    AIFLAGS, SRC_RANGE, DST_RANGE, UPPER, LABEL, DIR_POLICY, END),
            spec("spdflush", "remove all security policies", Builders::spdFlush, END),
            spec("spddump", "print all security policies", Builders::spdDump, END),
            spec("exit", "stop reading input", Builders::exit, END),
            spec("quit", "stop reading input", Builders::exit, END),
            spec("bye", "stop reading input", Builders::exit, END));

    static final String NATT = "-natt";
    static final String NATT_MTU = "-natt_mtu";

    private static final List<OptionSpec> SA_OPTIONS = List.of(
            new OptionSpec("-m", List.of(SlotKind.MODE), "SA mode: transport, tunnel or any (default any)"),
            new OptionSpec("-r", List.of(SlotKind.NUMBER), "anti-replay window in bytes (0 = no replay check)"),
            new OptionSpec("-u", List.of(SlotKind.NUMBER), "reqid, binds the SA to unique:N policies"),
            new OptionSpec("-f", List.of(SlotKind.PAD_FLAG), "zero-pad, random-pad, seq-pad or nocyclic-seq"),
            new OptionSpec("-lh", List.of(SlotKind.NUMBER), "hard lifetime in seconds"),
            new OptionSpec("-ls", List.of(SlotKind.NUMBER), "soft lifetime in seconds"),
            new OptionSpec("-bh", List.of(SlotKind.NUMBER), "hard lifetime in bytes"),
            new OptionSpec("-bs", List.of(SlotKind.NUMBER), "soft lifetime in bytes"),
            new OptionSpec("-ctx", List.of(SlotKind.NUMBER, SlotKind.NUMBER, SlotKind.CONTEXT),
                    "security context: doi, algorithm, \"context\""),
            new OptionSpec(NATT, List.of(SlotKind.ADDRESS, SlotKind.PORT, SlotKind.ADDRESS, SlotKind.PORT),
                    "esp NAT-T as FreeBSD spells it: initiator's address[sport] responder's address[dport]"),
            new OptionSpec(NATT_MTU, List.of(SlotKind.NUMBER), "NAT-T fragment size (esp with -natt, esp-udp)"));

    private static final List<OptionSpec> ALGORITHM_OPTIONS = List.of(
            new OptionSpec("-E", List.of(SlotKind.ENC_ALGORITHM, SlotKind.KEY), "encryption algorithm and key"),
            new OptionSpec("-A", List.of(SlotKind.AUTH_ALGORITHM, SlotKind.KEY), "authentication algorithm and key"),
            new OptionSpec("-C", List.of(SlotKind.COMP_ALGORITHM), "compression algorithm"),
            new OptionSpec("-R", List.of(), "use the SPI as the on-wire CPI (after -C)"));

    // looked up once per statement (and per option) of a bulk load: maps and lists made once
    private static final Map<String, StatementSpec> STATEMENT_BY_KEYWORD = byKey(STATEMENTS, StatementSpec::keyword);
    private static final Map<String, OptionSpec> SA_OPTION_BY_WORD = byKey(SA_OPTIONS, OptionSpec::option);
    private static final List<String> STATEMENT_NAMES = STATEMENTS.stream().map(StatementSpec::keyword).toList();
    private static final List<String> PROTOCOLS = Arrays.stream(SaProtocol.values()).map(SaProtocol::keyword).toList();

    static final List<String> MODES = Keywords.words(SaMode.TRANSPORT, SaMode.TUNNEL, SaMode.ANY);
    static final List<String> PAD_FLAGS = Keywords.words(PadFlag.values());
    static final List<String> DIRECTIONS = Keywords.words(Direction.values());
    static final List<String> ACTIONS = Keywords.words(PolicyAction.values());
    /** The actions of an SPD policy; entrust and bypass are for per-socket policies only. */
    static final List<String> SPD_ACTIONS = Keywords.words(PolicyAction.DISCARD, PolicyAction.NONE, PolicyAction.IPSEC);
    static final List<String> RULE_PROTOCOLS = Keywords.words(SaType.ESP, SaType.AH, SaType.IPCOMP);
    static final List<String> RULE_MODES = Keywords.words(SaMode.TRANSPORT, SaMode.TUNNEL);
    static final List<String> LEVELS = Keywords.words(Level.values());
    static final List<String> PRIORITY_WORDS = List.of("priority", "prio");
    static final List<String> PRIORITY_BASES = List.of("low", "def", "high");

    private Grammar() {
    }

    private static Slot slot(String name, SlotKind kind, String help) {
        return new Slot(name, kind, false, help);
    }

    private static Slot opt(String name, SlotKind kind, String help) {
        return new Slot(name, kind, true, help);
    }

    private static StatementSpec spec(String keyword, String help, StatementSpec.Builder builder, Slot... slots) {
        return new StatementSpec(keyword, List.of(slots), help, builder);
    }

    public static List<StatementSpec> statements() {
        return STATEMENTS;
    }

    public static Optional<StatementSpec> statement(String keyword) {
        return Optional.ofNullable(STATEMENT_BY_KEYWORD.get(keyword));
    }

    public static List<String> statementNames() {
        return STATEMENT_NAMES;
    }

    private static <T> Map<String, T> byKey(List<T> values, Function<T, String> key) {
        Map<String, T> m = new HashMap<>();
        values.forEach(v -> m.putIfAbsent(key.apply(v), v));
        return Map.copyOf(m);
    }

    public static List<OptionSpec> saOptions() {
        return SA_OPTIONS;
    }

    public static List<OptionSpec> algorithmOptions() {
        return ALGORITHM_OPTIONS;
    }

    static Optional<OptionSpec> saOption(String word) {
        return Optional.ofNullable(SA_OPTION_BY_WORD.get(word));
    }

    public static List<String> protocols() {
        return PROTOCOLS;
    }

    /** Upper-layer names offered for completion: the usual ones, then the rest of the protocol table. */
    public static List<String> upperSpecs() {
        List<String> l = new ArrayList<>();
        for (IpProtocol p : List.of(IpProtocol.ANY, IpProtocol.TCP, IpProtocol.UDP, IpProtocol.ICMP, IpProtocol.ICMPV6,
                IpProtocol.ESP, IpProtocol.IPV4, IpProtocol.GRE)) {
            l.add(p.setkeyWord());
        }
        for (Map.Entry<String, Integer> e : IpProtocol.names().entrySet()) {
            int n = e.getValue();
            if (!l.contains(e.getKey()) && n != IpProtocol.AH.number() && n != IpProtocol.IPCOMP.number()) {
                l.add(e.getKey());
            }
        }
        return l;
    }

    /**
     * Why {@code alg} cannot be used with {@code protocol}, or null when it can (architecture.md §3, §5).
     * Completion offers exactly the algorithms this accepts.
     */
    public static String mismatch(SaProtocol protocol, Algorithm alg) {
        String p = protocol.keyword();
        switch (alg.kind()) {
            case ENCRYPT:
                if (protocol.type() != SaType.ESP) {
                    return p + " takes no -E";
                }
                if (alg.name().equals("des-deriv") && protocol.old()) {
                    return "des-deriv is only for esp";
                }
                if (alg.name().equals("des-32iv") && !protocol.old()) {
                    return "des-32iv is only for esp-old";
                }
                if (alg.aead() && protocol.old()) {
                    return alg.name() + " is only for esp";
                }
                return null;
            case AUTH:
                if (protocol == SaProtocol.TCP) {
                    return alg.name().equals("tcp-md5") ? null : "tcp takes only -A tcp-md5";
                }
                if (alg.name().equals("tcp-md5")) {
                    return "tcp-md5 is only for protocol tcp";
                }
                if (protocol.type() == SaType.AH) {
                    return alg.keyless() ? p + " refuses -A null" : null;
                }
                return protocol.type() == SaType.ESP ? null : p + " takes no -A";
            default:
                return protocol == SaProtocol.IPCOMP ? null : p + " takes no -C";
        }
    }

    /** Input names of one kind usable with {@code protocol} (all of them when it is null). */
    public static List<String> algorithmsFor(SaProtocol protocol, AlgorithmKind kind) {
        // the parser asks once per algorithm it reads: a bulk load of SAs asks 100,000 times
        return ALGORITHM_WORDS.computeIfAbsent(new WordsKey(protocol, kind), k -> listAlgorithms(protocol, kind));
    }

    private record WordsKey(SaProtocol protocol, Object variant) {
        // written out: a record's generated equals and hashCode bootstrap method handles on first use,
        // which a short -c run pays (JFR: 15% of its samples)
        @Override
        public boolean equals(Object o) {
            return o instanceof WordsKey k && k.protocol == protocol && k.variant.equals(variant);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(protocol) * 31 + variant.hashCode();
        }
    }

    private static final Map<WordsKey, List<String>> ALGORITHM_WORDS = new ConcurrentHashMap<>();
    private static final Map<WordsKey, List<String>> OPTION_WORDS = new ConcurrentHashMap<>();

    private static List<String> listAlgorithms(SaProtocol protocol, AlgorithmKind kind) {
        List<String> l = new ArrayList<>();
        for (Algorithm a : Algorithms.of(kind)) {
            if (protocol == null || mismatch(protocol, a) == null) {
                l.add(a.name());
                l.addAll(a.aliases());
            }
        }
        return List.copyOf(l);
    }

    /** The options that may come next in an SA statement for {@code protocol}. */
    static List<String> optionWords(SaProtocol protocol, boolean withAlgorithms) {
        return OPTION_WORDS.computeIfAbsent(new WordsKey(protocol, withAlgorithms),
                k -> listOptions(protocol, withAlgorithms));
    }

    /** The words of the algorithm part for {@code protocol}: -E, -A, -C as it takes them. */
    static List<String> algorithmWords(SaProtocol protocol) {
        WordsKey key = new WordsKey(protocol, "algorithms");
        List<String> cached = OPTION_WORDS.get(key);
        if (cached != null) {
            return cached;
        }
        // made outside the map's compute: optionWords fills the same map, and a ConcurrentHashMap
        // refuses an update from inside another one ("Recursive update")
        List<String> l = new ArrayList<>(optionWords(protocol, true));
        l.removeAll(optionWords(protocol, false));
        OPTION_WORDS.putIfAbsent(key, List.copyOf(l));
        return OPTION_WORDS.get(key);
    }

    /**
     * Why the SA option {@code option} cannot be used with {@code protocol}, or null when it can:
     * FreeBSD's -natt makes an esp SA a NAT-T one (esp-udp gives its ports on the addresses).
     */
    static String optionMismatch(String option, SaProtocol protocol) {
        if (protocol == null) {
            return null;
        }
        if (option.equals(NATT) && protocol != SaProtocol.ESP) {
            return NATT + " is only for esp SAs" + (protocol == SaProtocol.ESP_UDP
                    ? " (esp-udp gives its ports on the addresses)" : ", not " + protocol.keyword());
        }
        if (option.equals(NATT_MTU) && protocol != SaProtocol.ESP && protocol != SaProtocol.ESP_UDP) {
            return NATT_MTU + " is only for esp SAs with -natt and esp-udp SAs, not " + protocol.keyword();
        }
        return null;
    }

    private static List<String> listOptions(SaProtocol protocol, boolean withAlgorithms) {
        List<String> l = new ArrayList<>();
        SA_OPTIONS.stream().filter(o -> optionMismatch(o.option(), protocol) == null).forEach(o -> l.add(o.option()));
        if (withAlgorithms) {
            if (protocol == null || protocol.type() == SaType.ESP) {
                l.add("-E");
            }
            if (protocol == null || protocol != SaProtocol.IPCOMP) {
                l.add("-A");
            }
            if (protocol == null || protocol == SaProtocol.IPCOMP) {
                l.add("-C");
            }
        }
        return List.copyOf(l);
    }

    /**
     * What may come at the end of {@code text} (a partial statement, possibly after complete
     * ones): the slot, its help and the valid words starting with the unfinished last word.
     */
    public static Expectation expectedAt(String text) {
        return Parser.complete(text);
    }

    /** {@code help add}: the synopsis, then one line per slot. */
    public static String help(String keyword) {
        StatementSpec spec = statement(keyword).orElseThrow(() ->
                new IllegalArgumentException("statement: " + keyword + " (expected: "
                        + String.join(", ", statementNames()) + ")"));
        StringBuilder sb = new StringBuilder(spec.synopsis()).append('\n').append("  ").append(spec.help())
                .append('\n');
        for (Slot s : spec.slots()) {
            if (s.kind() != SlotKind.END) {
                sb.append(String.format("  %-12s %s%n", s.name(), s.help()));
            }
            if (s.kind() == SlotKind.SA_OPTIONS) {
                for (OptionSpec o : SA_OPTIONS) {
                    sb.append(String.format("    %-10s %s%n", o.option(), o.help()));
                }
            }
        }
        return sb.toString();
    }
}
