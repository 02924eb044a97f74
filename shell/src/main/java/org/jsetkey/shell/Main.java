package org.jsetkey.shell;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.jline.utils.Signals;
import org.jsetkey.engine.print.KdebugFormatter;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.console.BatchRunner;
import org.jsetkey.shell.console.Foreground;
import org.jsetkey.shell.console.StreamOutput;
import org.jsetkey.shell.groovy.Scripting;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.host.HostOptions;
import org.jsetkey.shell.jline.NativeLibraryFolder;
import org.jsetkey.shell.jline.PreparedConsole;

import picocli.CommandLine;

/** The jsetkey program. */
public final class Main {
    static {
        // picocli would load groovy.lang.Closure to support closures in annotations; Groovy loads on first use
        System.setProperty("picocli.disable.closures", "true");
        // no flag takes a date or an SQL type: registering those converters loads and initialises
        // java.time and java.sql classes by reflection, a tenth of a short run
        System.setProperty("picocli.converters.excludes", "java\\.time\\..*|java\\.sql\\..*");
        NativeLibraryFolder.useUnpacked(Main.class);
    }

    private Main() {
    }

    public static void main(String[] args) {
        Warmup.start();
        boolean terminal = System.console() != null;
        // with no arguments on a terminal it is the console: its terminal is made while the flags are read
        PreparedConsole prepared = terminal && args.length == 0 ? PreparedConsole.start() : null;
        int status = run(args, System.in, System.out, System.err, terminal, prepared);
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        return run(args, in, out, err, terminal, null);
    }

    /**
     * Runs the program and returns its exit status.
     *
     * @param terminal whether standard input is a terminal (then no arguments start the console)
     * @param prepared the console's terminal, already being made, or null
     */
    private static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal,
                           PreparedConsole prepared) {
        // an empty command line has nothing to parse: the flags keep their defaults, and picocli's
        // model, a tenth of the time to the console's first prompt, is not built
        CommandLine cli = args.length == 0 ? null : commandLine();
        Flags flags;
        HostOptions hostOptions;
        try {
            flags = cli == null ? new Flags() : Flags.of(cli.parseArgs(args));
            hostOptions = flags.hostOptions();
            SetkeyFlags.check(flags);
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            // the reason and where to read more, so the reason does not scroll away under the usage
            err.println("jsetkey: " + e.getMessage());
            err.println("Try 'jsetkey --help' for more information.");
            return 1;
        }
        if (cli != null && cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        if (cli != null && cli.isVersionHelpRequested()) {
            out.println(Version.text());
            return 0;
        }
        StreamOutput output = new StreamOutput(out, err);
        if (flags.bench != null) {
            return Bench.run(flags.bench, output);
        }
        if (flags.soak != null) {
            return SoakCommand.run(flags.soak, flags.impair, output);
        }
        if (flags.impair != null) {
            output.errorln("jsetkey: --impair goes with --soak (on a running host: link impair)");
            return 1;
        }
        if (flags.demo) {
            return Demo.run(output);
        }
        // the console's terminal and reader do not need the host: made while it starts
        boolean console = terminal && !flags.setkeyAction() && hostOptions.script() == null;
        if (console && prepared == null) {
            prepared = PreparedConsole.start();
        }
        try (HostContext host = new HostContext(hostOptions)) {
            if (flags.verbose) {
                KdebugFormatter kdebug = new KdebugFormatter(ZoneId.systemDefault(), false,
                        ProcessHandle.current().pid());
                host.events().subscribe(event -> output.out(kdebug.format(event)));
            }
            if (flags.setkeyAction()) {
                // --rc's ipsec_file and --boot load first, as on a booted host; one that fails stops here
                return host.startAutosave(output) && host.boot(output)
                        ? SetkeyFlags.run(flags, host, in, out, output) : 1;
            }
            // the saved state is back before the link is up: no packet goes out with a reused sequence number
            boolean booted = host.startAutosave(output);
            host.start();
            booted &= host.boot(output);
            if (hostOptions.script() != null) {
                int status = Scripting.runScript(host, hostOptions.script(), flags.scriptArgs, output);
                return booted ? status : 1;
            }
            List<String> startup = flags.monitor.length == 0 ? List.of()
                    : List.of("monitor -" + "x".repeat(Math.min(2, flags.monitor.length)));
            if (console) {
                return ConsoleLauncher.run(host, startup, prepared);
            }
            try (Shell shell = new Shell(host, output, false)) {
                startup.forEach(shell.interpreter()::accept);
                int status = runBatch(shell.interpreter(), in);
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

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(Flags.spec());
        cli.setPosixClusteredShortOptionsAllowed(true);
        // setkey users write -FP -DP: a repeated flag is the same flag
        cli.setOverwrittenOptionsAllowed(true);
        return cli;
    }

    /**
     * Commands from standard input. SIGINT interrupts the running command as Ctrl-C does in the
     * console (ping prints its statistics, the next command runs); with no command running it
     * ends the program with status 130, as the signal would.
     */
    private static int runBatch(Interpreter interpreter, InputStream in) {
        Foreground foreground = new Foreground();
        Object previous = Signals.register("INT", () -> {
            if (!foreground.interrupt()) {
                System.exit(130);
            }
        });
        try {
            return new BatchRunner(interpreter, foreground).run(reader(in));
        } finally {
            Signals.unregister("INT", previous);
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
