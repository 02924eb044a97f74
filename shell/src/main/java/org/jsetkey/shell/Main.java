package org.jsetkey.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.command.SetkeyPrinter;
import org.jsetkey.shell.console.BatchRunner;
import org.jsetkey.shell.console.StreamOutput;

import picocli.CommandLine;

/** The jsetkey program. */
public final class Main {
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
        // picocli would load Groovy's Closure (and a third of a second of Groovy runtime) just to probe for it
        System.setProperty("picocli.disable.closures", "true");
        Flags flags = new Flags();
        CommandLine cli = new CommandLine(flags);
        cli.setPosixClusteredShortOptionsAllowed(true);
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
        try (HostContext host = new HostContext(hostOptions)) {
            if (flags.verbose) {
                host.events().subscribe(event -> output.println(event.toString()));
            }
            if (flags.setkeyAction()) {
                return runSetkeyFlags(flags, host, in, output);
            }
            host.start();
            Interpreter interpreter = Interpreter.create(host.sysctl(), host.language(), new Session(), output);
            if (terminal) {
                return ConsoleLauncher.run(host, interpreter.session());
            }
            return new BatchRunner(interpreter).run(reader(in));
        } catch (RuntimeException | java.io.IOException e) {
            err.println("jsetkey: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }

    private static void checkCombination(Flags flags) {
        if (flags.policy && !flags.dump && !flags.flush) {
            throw new IllegalArgumentException("-P needs -D or -F");
        }
    }

    /** setkey's order: -F/-FP, then -f, then -c, then -D/-DP. */
    private static int runSetkeyFlags(Flags flags, HostContext host, InputStream in, StreamOutput output) {
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
        if (flags.dump) {
            output.out(flags.policy ? host.setkey().dumpSpd() : host.setkey().dumpSad(flags.allStates));
        }
        return failed ? 1 : 0;
    }

    private static SetkeyResult runSetkey(HostContext host, String text, String fileName, StreamOutput output) {
        return host.setkey().run(text, fileName, new SetkeyPrinter(output));
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
