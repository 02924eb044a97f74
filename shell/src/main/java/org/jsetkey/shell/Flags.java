package org.jsetkey.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.tun.TunConfig;
import org.jsetkey.shell.host.HostOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line: setkey's flags acting on this host's databases, plus the host flags. */
@Command(name = "jsetkey", sortOptions = false, usageHelpWidth = 100, usageHelpAutoWidth = true, separator = " ",
        customSynopsis = {
            "jsetkey [-nv] -c | -f FILE | -e STATEMENTS",
            "       jsetkey [-Paglntv] -D | [-Pv] -F      (combinable: -F -f FILE -D)",
            "       jsetkey -x[x]",
            "       jsetkey [--rc FILE] [--name NAME] [--addr ADDR]... [--listen HOST:PORT]",
            "               [--peer HOST:PORT[=PREFIX]]... [--tun NAME=ADDR/LEN]... [--boot FILE]",
            "               [--script FILE [ARGS...]]",
            "       jsetkey --demo | --bench [ROUNDS] | --soak [SECONDS] [--impair NETEM] | -h | -V"},
        description = {"setkey(8) as a live IPsec lab. Without arguments: the console (or, when standard",
                "input is not a terminal, console commands read from it)."},
        footer = {"", "Order when combined: -F/-FP, then -f, then -e, then -c, then -D/-DP. Exit status 1 when anything failed.",
                "setkey's -p, -H, -k and -r are refused with the reason: they have no meaning here."})
final class Flags {
    @Option(names = "-c", description = "Read setkey statements from standard input.")
    boolean stdinStatements;

    @Option(names = "-f", paramLabel = "FILE", description = "Read setkey statements from FILE.")
    Path file;

    @Option(names = "-e", paramLabel = "STATEMENTS", description = "Run the setkey STATEMENTS given here (FreeBSD's -e).")
    String statements;

    @Option(names = "-n", description = "No action: check the statements of -f, -e or -c and apply nothing.")
    boolean checkOnly;

    @Option(names = "-D", description = "Dump the SAD (with -P: the SPD).")
    boolean dump;

    @Option(names = "-P", description = "With -D or -F: act on the SPD.")
    boolean policy;

    @Option(names = "-F", description = "Flush the SAD (with -P: the SPD).")
    boolean flush;

    @Option(names = "-a", description = "With -D: show dead SAs too.")
    boolean allStates;

    @Option(names = "-l", description = "With -D: loop, one short line per SA every second, until interrupted.")
    boolean loop;

    @Option(names = "-g", description = "With -DP: only global policies (here every policy is global).")
    boolean globalOnly;

    @Option(names = "-t", description = "With -DP: only if_ipsec(4) policies (here none: there are no if_ipsec interfaces).")
    boolean ifIpsecOnly;

    @Option(names = "-N", description = "With -DP: leave out per-socket policies (here they never appear in -DP).")
    boolean noSocketPolicies;

    /** setkey flags with no meaning here: each is refused with the reason ({@link SetkeyFlags#check}). */
    @Option(names = "-p", hidden = true)
    boolean ports;

    @Option(names = "-H", hidden = true)
    boolean hexDump;

    @Option(names = "-k", hidden = true)
    boolean kernelSemantics;

    @Option(names = "-r", hidden = true)
    boolean rfcSemantics;

    @Option(names = "-x", description = "Monitor like setkey -x: print every key engine message (-xx: epoch "
            + "timestamps) and keep running until interrupted; console commands are still read.")
    boolean[] monitor = new boolean[0];

    @Option(names = "-v", description = "Verbose: print every key engine message.")
    boolean verbose;

    @Option(names = {"-h", "--help", "-?"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Option(names = "--name", paramLabel = "NAME", description = "Host name (shown in the prompt).")
    String name;

    @Option(names = "--addr", paramLabel = "ADDR", description = "An address of this host (repeatable).")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Local endpoint of the UDP link (loopback unless named: 0.0.0.0, a LAN address, [::]; port 0: any free port).")
    String listen;

    @Option(names = "--peer", paramLabel = "HOST:PORT[=PREFIX]",
            description = "A peer on the link and the addresses it owns (repeatable).")
    List<String> peers = new ArrayList<>();

    @Option(names = "--tun", paramLabel = "NAME=ADDR/LEN", description = "Own a real OS interface (Linux TUN, "
            + "needs root or CAP_NET_ADMIN): ADDR is this host's address on it, the /LEN network lies behind it "
            + "(repeatable; rc.conf: cloned_interfaces, ifconfig_NAME).")
    List<String> tuns = new ArrayList<>();

    @Option(names = "--boot", paramLabel = "FILE", description = "Load setkey statements from FILE at start, then read commands.")
    Path boot;

    @Option(names = "--rc", paramLabel = "FILE", description = "Host profile (FreeBSD rc.conf): name, addresses, link, peers, ipsec_enable/ipsec_file, "
                    + "gateway_enable. Flags given override it.")
    Path rc;

    @Option(names = "--autosave", paramLabel = "FILE", description = "Keep the SAD, SPD and sysctls in FILE: restored "
            + "at start when it exists, rewritten (atomically, mode 0600) before every change is acknowledged.")
    Path autosave;

    @Option(names = "--script", paramLabel = "FILE", description = "Run a Groovy script and exit (0, or 1 with FILE:LINE of the failure).")
    Path script;

    @Parameters(paramLabel = "ARGS", description = "Arguments of the --script (in its 'args').")
    List<String> scriptArgs = new ArrayList<>();

    @Option(names = "--demo", description = "Run the built-in two-host demonstration.")
    boolean demo;

    @Option(names = "--bench", paramLabel = "NAME", arity = "0..*",
            description = "Run the benchmark parts named (all without a name; a number sets the measured rounds, "
                    + "default 3) and print one table of ratios against baselines measured in the same run.")
    List<String> bench;

    @Option(names = "--soak", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "600",
            description = "Run two hosts under an ESP flood with key churn, expiries and forged packets for SECONDS "
                    + "(default 600); print drops, heap and packets as it goes; exit 1 on any error or unexplained drop.")
    Integer soak;

    @Option(names = "--impair", paramLabel = "NETEM",
            description = "With --soak: faults on the link both ways, in netem's words, e.g. 'loss 1% reorder 5% delay 2ms"
                    + " duplicate 1% corrupt 0.1% seed 1'; the account must still balance.")
    String impair;

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
