package org.jsetkey.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.tun.TunConfig;
import org.jsetkey.shell.host.HostOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line: setkey's flags acting on this host's databases, plus the host flags. The
 * picocli model is built here option by option rather than read from annotations: reading
 * annotations (their proxy classes, which Java 17's class-data sharing cannot archive) was
 * about half of a {@code jsetkey -c} run's start-up.
 */
final class Flags {
    boolean stdinStatements;
    Path file;
    String statements;
    boolean checkOnly;
    boolean dump;
    boolean policy;
    boolean flush;
    boolean allStates;
    boolean loop;
    boolean globalOnly;
    boolean ifIpsecOnly;
    boolean noSocketPolicies;
    /** setkey flags with no meaning here: each is refused with the reason ({@link SetkeyFlags#check}). */
    boolean ports;
    boolean hexDump;
    boolean kernelSemantics;
    boolean rfcSemantics;
    /** One element per -x: -xx adds epoch timestamps. */
    boolean[] monitor = new boolean[0];
    boolean verbose;
    String name;
    List<String> addresses = new ArrayList<>();
    String listen;
    List<String> peers = new ArrayList<>();
    List<String> tuns = new ArrayList<>();
    Path boot;
    Path rc;
    Path autosave;
    Path script;
    List<String> scriptArgs = new ArrayList<>();
    boolean demo;
    List<String> bench;
    Integer soak;
    String impair;

    /** The options in the order help lists them, with their help texts. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("jsetkey");
        spec.parser().separator(" ");
        spec.usageMessage().sortOptions(false).width(100).autoWidth(true)
                .customSynopsis("jsetkey [-nv] -c | -f FILE | -e STATEMENTS",
                        "       jsetkey [-Paglntv] -D | [-Pv] -F      (combinable: -F -f FILE -D)",
                        "       jsetkey -x[x]",
                        "       jsetkey [--rc FILE] [--name NAME] [--addr ADDR]... [--listen HOST:PORT]",
                        "               [--peer HOST:PORT[=PREFIX]]... [--tun NAME=ADDR/LEN]... [--boot FILE]",
                        "               [--script FILE [ARGS...]]",
                        "       jsetkey --demo | --bench [ROUNDS] | --soak [SECONDS] [--impair NETEM] | -h | -V")
                .description("setkey(8) as a live IPsec lab. Without arguments: the console (or, when standard",
                        "input is not a terminal, console commands read from it).")
                .footer("", "Order when combined: -F/-FP, then -f, then -e, then -c, then -D/-DP. Exit status 1 when anything failed.",
                        "setkey's -p, -H, -k and -r are refused with the reason: they have no meaning here.");
        spec.addOption(flag("-c", "stdinStatements", "Read setkey statements from standard input."));
        spec.addOption(value("-f", "FILE", Path.class, "Read setkey statements from FILE."));
        spec.addOption(value("-e", "STATEMENTS", String.class, "Run the setkey STATEMENTS given here (FreeBSD's -e)."));
        spec.addOption(flag("-n", "checkOnly", "No action: check the statements of -f, -e or -c and apply nothing."));
        spec.addOption(flag("-D", "dump", "Dump the SAD (with -P: the SPD)."));
        spec.addOption(flag("-P", "policy", "With -D or -F: act on the SPD."));
        spec.addOption(flag("-F", "flush", "Flush the SAD (with -P: the SPD)."));
        spec.addOption(flag("-a", "allStates", "With -D: show dead SAs too."));
        spec.addOption(flag("-l", "loop", "With -D: loop, one short line per SA every second, until interrupted."));
        spec.addOption(flag("-g", "globalOnly", "With -DP: only global policies (here every policy is global)."));
        spec.addOption(flag("-t", "ifIpsecOnly",
                "With -DP: only if_ipsec(4) policies (here none: there are no if_ipsec interfaces)."));
        spec.addOption(flag("-N", "noSocketPolicies",
                "With -DP: leave out per-socket policies (here they never appear in -DP)."));
        spec.addOption(hidden("-p", "ports"));
        spec.addOption(hidden("-H", "hexDump"));
        spec.addOption(hidden("-k", "kernelSemantics"));
        spec.addOption(hidden("-r", "rfcSemantics"));
        spec.addOption(OptionSpec.builder("-x").type(boolean[].class).auxiliaryTypes(boolean.class).arity("0")
                .paramLabel("<monitor>").initialValue(new boolean[0])
                .description("Monitor like setkey -x: print every key engine message (-xx: epoch "
                        + "timestamps) and keep running until interrupted; console commands are still read.").build());
        spec.addOption(flag("-v", "verbose", "Verbose: print every key engine message."));
        spec.addOption(OptionSpec.builder("-h", "--help", "-?").type(boolean.class).arity("0").initialValue(false).paramLabel("<help>")
                .usageHelp(true).description("Show this help and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").type(boolean.class).arity("0").initialValue(false).paramLabel("<version>")
                .versionHelp(true).description("Print the version and exit.").build());
        spec.addOption(value("--name", "NAME", String.class, "Host name (shown in the prompt)."));
        spec.addOption(list("--addr", "ADDR", "An address of this host (repeatable)."));
        spec.addOption(value("--listen", "HOST:PORT", String.class, "Local endpoint of the UDP link (loopback unless "
                + "named: 0.0.0.0, a LAN address, [::]; port 0: any free port)."));
        spec.addOption(list("--peer", "HOST:PORT[=PREFIX]", "A peer on the link and the addresses it owns (repeatable)."));
        spec.addOption(list("--tun", "NAME=ADDR/LEN", "Own a real OS interface (Linux TUN, needs root or "
                + "CAP_NET_ADMIN): ADDR is this host's address on it, the /LEN network lies behind it (repeatable; "
                + "rc.conf: cloned_interfaces, ifconfig_NAME)."));
        spec.addOption(value("--boot", "FILE", Path.class, "Load setkey statements from FILE at start, then read commands."));
        spec.addOption(value("--rc", "FILE", Path.class, "Host profile (FreeBSD rc.conf): name, addresses, link, peers, "
                + "ipsec_enable/ipsec_file, gateway_enable. Flags given override it."));
        spec.addOption(value("--autosave", "FILE", Path.class, "Keep the SAD, SPD and sysctls in FILE: restored "
                + "at start when it exists, rewritten (atomically, mode 0600) before every change is acknowledged."));
        spec.addOption(value("--script", "FILE", Path.class,
                "Run a Groovy script and exit (0, or 1 with FILE:LINE of the failure)."));
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..1").type(List.class)
                .auxiliaryTypes(String.class).paramLabel("ARGS").initialValue(new ArrayList<String>())
                .description("Arguments of the --script (in its 'args').").build());
        spec.addOption(flag("--demo", "demo", "Run the built-in two-host demonstration."));
        spec.addOption(OptionSpec.builder("--bench").type(List.class).auxiliaryTypes(String.class).arity("0..*")
                .paramLabel("NAME")
                .description("Run the benchmark parts named (all without a name; a number sets the measured rounds, "
                        + "default 3) and print one table of ratios against baselines measured in the same run.").build());
        spec.addOption(OptionSpec.builder("--soak").type(Integer.class).auxiliaryTypes(Integer.class).arity("0..1")
                .fallbackValue("600").paramLabel("SECONDS")
                .description("Run two hosts under an ESP flood with key churn, expiries and forged packets for SECONDS "
                        + "(default 600); print drops, heap and packets as it goes; exit 1 on any error or unexplained drop.")
                .build());
        spec.addOption(value("--impair", "NETEM", String.class, "With --soak: faults on the link both ways, in netem's "
                + "words, e.g. 'loss 1%% reorder 5%% delay 2ms duplicate 1%% corrupt 0.1%% seed 1'; the account must still "
                + "balance."));
        return spec;
    }

    /** The flags a parse matched; the rest keep their defaults. */
    static Flags of(ParseResult r) {
        Flags f = new Flags();
        f.stdinStatements = r.hasMatchedOption("-c");
        f.file = r.matchedOptionValue("-f", null);
        f.statements = r.matchedOptionValue("-e", null);
        f.checkOnly = r.hasMatchedOption("-n");
        f.dump = r.hasMatchedOption("-D");
        f.policy = r.hasMatchedOption("-P");
        f.flush = r.hasMatchedOption("-F");
        f.allStates = r.hasMatchedOption("-a");
        f.loop = r.hasMatchedOption("-l");
        f.globalOnly = r.hasMatchedOption("-g");
        f.ifIpsecOnly = r.hasMatchedOption("-t");
        f.noSocketPolicies = r.hasMatchedOption("-N");
        f.ports = r.hasMatchedOption("-p");
        f.hexDump = r.hasMatchedOption("-H");
        f.kernelSemantics = r.hasMatchedOption("-k");
        f.rfcSemantics = r.hasMatchedOption("-r");
        f.monitor = r.matchedOptionValue("-x", f.monitor);
        f.verbose = r.hasMatchedOption("-v");
        f.name = r.matchedOptionValue("--name", null);
        f.addresses = r.matchedOptionValue("--addr", f.addresses);
        f.listen = r.matchedOptionValue("--listen", null);
        f.peers = r.matchedOptionValue("--peer", f.peers);
        f.tuns = r.matchedOptionValue("--tun", f.tuns);
        f.boot = r.matchedOptionValue("--boot", null);
        f.rc = r.matchedOptionValue("--rc", null);
        f.autosave = r.matchedOptionValue("--autosave", null);
        f.script = r.matchedOptionValue("--script", null);
        f.scriptArgs = r.matchedPositionalValue(0, f.scriptArgs);
        f.demo = r.hasMatchedOption("--demo");
        f.bench = r.hasMatchedOption("--bench") ? r.matchedOptionValue("--bench", new ArrayList<>()) : null;
        f.soak = r.matchedOptionValue("--soak", null);
        f.impair = r.matchedOptionValue("--impair", null);
        return f;
    }

    /** A flag without an argument; {@code field} names it where picocli would show a label. */
    private static OptionSpec flag(String name, String field, String description) {
        return OptionSpec.builder(name).type(boolean.class).arity("0").initialValue(false).paramLabel("<" + field + ">")
                .description(description).build();
    }

    private static OptionSpec hidden(String name, String field) {
        return OptionSpec.builder(name).type(boolean.class).arity("0").initialValue(false).paramLabel("<" + field + ">").hidden(true)
                .build();
    }

    private static OptionSpec value(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).type(type).auxiliaryTypes(type).arity("1").paramLabel(label)
                .description(description).build();
    }

    /** A repeatable option: each use adds one value. */
    private static OptionSpec list(String name, String label, String description) {
        return OptionSpec.builder(name).type(List.class).auxiliaryTypes(String.class).arity("1").paramLabel(label)
                .initialValue(new ArrayList<String>()).description(description).build();
    }

    /** True when a setkey action flag was given: then the program acts and exits, no console. */
    boolean setkeyAction() {
        return stdinStatements || file != null || statements != null || dump || flush;
    }

    HostOptions hostOptions() {
        List<Peer> parsedPeers = new ArrayList<>();
        for (String p : peers) {
            parsedPeers.add(Peer.parse(p));
        }
        List<IpAddress> parsedAddresses = new ArrayList<>();
        for (String a : addresses) {
            IpAddress ip = IpAddress.tryParse(a);
            if (ip == null) {
                throw new IllegalArgumentException("--addr " + a + ": not a numeric IPv4 or IPv6 address");
            }
            parsedAddresses.add(ip);
        }
        List<TunConfig> parsedTuns = new ArrayList<>();
        for (String t : tuns) {
            parsedTuns.add(TunConfig.parse(t));
        }
        return new HostOptions(name, parsedAddresses, listen == null ? null : Endpoints.parseListen(listen),
                parsedPeers, boot, rc, script, demo, autosave, parsedTuns);
    }
}
