package org.jsetkey.shell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.jsetkey.engine.setkey.RawText;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.setkey.ShortDump;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.command.FileErrors;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.SetkeyPrinter;
import org.jsetkey.shell.console.StreamOutput;

/** setkey's own flags: which combinations make sense, and running them in setkey's order. */
final class SetkeyFlags {
    private SetkeyFlags() {
    }

    /** @throws IllegalArgumentException with the sentence to print for a flag that cannot be used so */
    static void check(Flags f) {
        if (f.ports) {
            refuse("-p: setkey -p adds ports to its dumps; jsetkey's dumps already show every port there is "
                    + "(policies print [port] as -DP always does, and SAs carry no ports here)");
        }
        if (f.hexDump) {
            refuse("-H: setkey -H hex-dumps the PF_KEY messages it reads; jsetkey has no PF_KEY socket, so there "
                    + "are no message bytes to dump (-x prints every key engine message as text)");
        }
        if (f.kernelSemantics || f.rfcSemantics) {
            refuse((f.kernelSemantics ? "-k" : "-r") + ": Linux's setkey chooses with -k/-r whether an 'in' policy "
                    + "also installs a 'fwd' one; jsetkey follows KAME/FreeBSD, which has no such choice "
                    + "(write fwd policies explicitly)");
        }
        if (f.policy && !f.dump && !f.flush) {
            refuse("-P needs -D or -F");
        }
        if (f.loop && (!f.dump || f.policy)) {
            refuse("-l needs -D (it loops over the SAD, as setkey -D -l does)");
        }
        for (boolean given : new boolean[] {f.globalOnly, f.ifIpsecOnly, f.noSocketPolicies}) {
            if (given && !(f.dump && f.policy)) {
                refuse((f.globalOnly ? "-g" : f.ifIpsecOnly ? "-t" : "-N") + " needs -DP");
            }
        }
        if (f.globalOnly && f.ifIpsecOnly) {
            refuse("-g and -t exclude each other (only global / only if_ipsec policies)");
        }
        if (f.checkOnly && f.file == null && f.statements == null && !f.stdinStatements) {
            refuse("-n needs -f, -e or -c (it checks their statements)");
        }
        if (!f.scriptArgs.isEmpty() && f.script == null) {
            refuse("unexpected argument: " + f.scriptArgs.get(0) + " (arguments are for --script FILE)");
        }
    }

    private static void refuse(String sentence) {
        throw new IllegalArgumentException(sentence);
    }

    /** setkey's order: -F/-FP, then -f, then -e, then -c, then -D/-DP; with -n nothing is flushed or applied. */
    static int run(Flags flags, HostContext host, InputStream in, PrintStream out, StreamOutput output) {
        boolean failed = false;
        if (flags.flush && !flags.checkOnly) {
            if (flags.policy) {
                host.spd().flush();
            } else {
                host.sad().flush(null);
            }
        }
        if (flags.file != null) {
            String text = FileErrors.read(flags.file, "jsetkey", output);
            if (text == null) {
                return 1;
            }
            failed |= statements(flags, host, text, flags.file.toString(), output).failed();
        }
        if (flags.statements != null) {
            failed |= statements(flags, host, flags.statements, "<command line>", output).failed();
        }
        if (flags.stdinStatements) {
            String text;
            try {
                text = RawText.decode(in.readAllBytes());
            } catch (IOException e) {
                output.errorln("jsetkey: standard input: " + FileErrors.reason(e));
                return 1;
            }
            failed |= statements(flags, host, text, Interpreter.SOURCE_NAME, output).failed();
        }
        if (flags.dump) {
            if (flags.loop) {
                return loop(flags, host, output);
            }
            if (flags.policy) {
                output.out(policies(flags, host));
            } else {
                return streamSad(flags, host, out, output) && !failed ? 0 : 1;
            }
        }
        return failed ? 1 : 0;
    }

    /** A large SAD streams block by block through one buffer, not as one string. */
    private static boolean streamSad(Flags flags, HostContext host, PrintStream out, StreamOutput output) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            host.setkey().dumpSad(flags.allStates, w);
            w.flush();
            return true;
        } catch (IOException | UncheckedIOException e) {
            output.errorln("jsetkey: standard output: " + e.getMessage());
            return false;
        }
    }

    private static SetkeyResult statements(Flags flags, HostContext host, String text, String name,
                                           StreamOutput output) {
        SetkeyPrinter printer = new SetkeyPrinter(output);
        return flags.checkOnly ? host.configFile().check(text, name, printer) : host.runFile(text, name, printer);
    }

    /** Every policy here is global: {@code -t} (if_ipsec policies only) finds none. */
    private static String policies(Flags flags, HostContext host) {
        return flags.ifIpsecOnly ? "No SPD entries.\n" : host.setkey().dumpSpd();
    }

    /** {@code setkey -D -l}: the header once, then the SAs every second until interrupted. */
    private static int loop(Flags flags, HostContext host, StreamOutput output) {
        output.out(ShortDump.HEADER);
        try {
            while (true) {
                output.out(host.setkey().shortDumpSad(flags.allStates));
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
