package org.jsetkey.shell;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.ZoneId;
import java.util.List;

import org.jsetkey.engine.print.KdebugFormatter;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.NetCommands;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.command.SetkeyPrinter;
import org.jsetkey.shell.console.BatchRunner;
import org.jsetkey.shell.console.StreamOutput;
import org.jsetkey.shell.groovy.Scripting;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.host.HostOptions;
import picocli.CommandLine;

/** The jsetkey program. */
public final class Main {
    static {
        // picocli would load groovy.lang.Closure to support closures in annotations; Groovy loads on first use
        System.setProperty("picocli.disable.closures", "true");
    }

    private Main() {
    }

    public static void main(String[] args) {
        boolean terminal = System.console() != null;
        int status = run(args, System.in, System.out, System.err, terminal);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs the program and returns its exit status.
     *
     * @param terminal whether standard input is a terminal (then no arguments start the console)
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        Flags flags = new Flags();
        CommandLine cli = new CommandLine(flags);
        cli.setPosixClusteredShortOptionsAllowed(true);
        // setkey users write -FP -DP: a repeated flag is the same flag
        cli.setOverwrittenOptionsAllowed(true);
        HostOptions hostOptions;
        try {
            cli.parseArgs(args);
            hostOptions = flags.hostOptions();
            checkCombination(flags);
        } catch (CommandLine.ParameterException e) {
            err.println("jsetkey: " + e.getMessage());
            cli.usage(err);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("jsetkey: " + e.getMessage());
            cli.usage(err);
            return 1;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        if (cli.isVersionHelpRequested()) {
            out.println(Version.text());
            return 0;
        }
        StreamOutput output = new StreamOutput(out, err);
        if (flags.bench != null) {
            return Bench.run(flags.bench, output);
        }
        if (flags.demo) {
            return Demo.run(output);
        }
        try (HostContext host = new HostContext(hostOptions)) {
            if (flags.verbose) {
                KdebugFormatter kdebug = new KdebugFormatter(ZoneId.systemDefault(), false,
                        ProcessHandle.current().pid());
                host.events().subscribe(event -> output.out(kdebug.format(event)));
            }
            if (flags.setkeyAction()) {
                return runSetkeyFlags(flags, host, in, out, output);
            }
            host.start();
            boolean booted = host.boot(output);
            if (hostOptions.script() != null) {
                int status = Scripting.runScript(host, hostOptions.script(), flags.scriptArgs, output);
                return booted ? status : 1;
            }
            Interpreter interpreter = Interpreter.create(host.sysctl(), host.language(), new Session(), output);
            List<String> startup = flags.monitor.length == 0 ? List.of()
                    : List.of("monitor -" + "x".repeat(Math.min(2, flags.monitor.length)));
            if (terminal) {
                return ConsoleLauncher.run(host, interpreter.session(), startup);
            }
            try (NetCommands net = NetCommands.register(interpreter.registry(), host.host(), output, false);
                    Scripting scripting = Scripting.install(interpreter.registry(), host, interpreter.session())) {
                startup.forEach(interpreter::accept);
                int status = new BatchRunner(interpreter).run(reader(in));
                if (!startup.isEmpty()) {
                    // setkey -x monitors until it is killed, also after its input ends
                    new java.util.concurrent.CountDownLatch(1).await();
                }
                return booted ? status : 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return booted ? 0 : 1;
            }
        } catch (RuntimeException | java.io.IOException e) {
            err.println("jsetkey: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }

    private static void checkCombination(Flags flags) {
        if (flags.policy && !flags.dump && !flags.flush) {
            throw new IllegalArgumentException("-P needs -D or -F");
        }
        if (!flags.scriptArgs.isEmpty() && flags.script == null) {
            throw new IllegalArgumentException("unexpected argument: " + flags.scriptArgs.get(0)
                    + " (arguments are for --script FILE)");
        }
    }

    /** setkey's order: -F/-FP, then -f, then -c, then -D/-DP. */
    private static int runSetkeyFlags(Flags flags, HostContext host, InputStream in, PrintStream out,
                                      StreamOutput output) {
        boolean failed = false;
        if (flags.flush) {
            if (flags.policy) {
                host.spd().flush();
            } else {
                host.sad().flush(null);
            }
        }
        if (flags.file != null) {
            String text;
            try {
                text = Files.readString(flags.file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                output.errorln("jsetkey: " + flags.file + ": No such file or directory");
                return 1;
            } catch (IOException e) {
                output.errorln("jsetkey: " + flags.file + ": " + e.getMessage());
                return 1;
            }
            failed |= runSetkey(host, text, flags.file.toString(), output).failed();
        }
        if (flags.stdinStatements) {
            String text;
            try {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                output.errorln("jsetkey: standard input: " + e.getMessage());
                return 1;
            }
            failed |= runSetkey(host, text, Interpreter.SOURCE_NAME, output).failed();
        }
        if (flags.dump && flags.policy) {
            output.out(host.setkey().dumpSpd());
        } else if (flags.dump) {
            // a large SAD streams block by block through one buffer, not as one string
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try {
                host.setkey().dumpSad(flags.allStates, w);
                w.flush();
            } catch (IOException | UncheckedIOException e) {
                output.errorln("jsetkey: standard output: " + e.getMessage());
                return 1;
            }
        }
        return failed ? 1 : 0;
    }

    private static SetkeyResult runSetkey(HostContext host, String text, String fileName, StreamOutput output) {
        return host.configFile().run(text, fileName, new SetkeyPrinter(output));
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
