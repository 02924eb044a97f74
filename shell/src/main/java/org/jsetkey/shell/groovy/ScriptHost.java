package org.jsetkey.shell.groovy;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;
import org.jsetkey.engine.check.PeerCheck;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.persist.ConfigFile;
import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.SetkeyLanguage;
import org.jsetkey.shell.command.FileErrors;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;

/**
 * Groovy for one console: one {@link Binding} and one {@link GroovyShell}, with {@code host}
 * bound to the console's live host and the jsetkey API (see {@link JsetkeyScript}) available
 * to every script. The binding belongs to the thread running the script; engine callbacks
 * run on the event thread of {@link EventDispatcher}.
 */
public final class ScriptHost implements AutoCloseable {
    /** The file name of expressions typed at the console, as errors show it. */
    static final String CONSOLE_SOURCE = "groovy";

    private final CommandOutput output;
    private final Binding binding = new Binding();
    private final GroovyShell shell;
    private final ScriptedHost host;
    private final EventDispatcher dispatcher;
    private final Deque<List<AutoCloseable>> scopes = new ArrayDeque<>();

    public ScriptHost(Host engineHost, Setkey setkey, CommandOutput output) {
        this(engineHost, setkey, SetkeyLanguage.of(setkey, new ConfigFile(setkey, engineHost.sysctl(), engineHost.sad())),
                output);
    }

    /** Scripts on a host whose statements run through {@code language} (the console's: with its autosave). */
    public ScriptHost(Host engineHost, Setkey setkey, SetkeyLanguage language, CommandOutput output) {
        this.output = output;
        this.dispatcher = new EventDispatcher(this::errorln);
        this.host = new ScriptedHost(this, engineHost, setkey, language, false);
        binding.setVariable("host", host);
        binding.setVariable("out", new PrintWriter(new OutputWriter(output), true));
        binding.setVariable("args", new String[0]);
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(JsetkeyScript.class.getName());
        // every loop, method and closure checks for Ctrl-C (see Evaluation)
        config.addCompilationCustomizers(new ASTTransformationCustomizer(ThreadInterrupt.class));
        shell = new GroovyShell(ScriptHost.class.getClassLoader(), binding, config);
        scopes.push(new ArrayList<>());
    }

    /** Evaluates one console entry; the result, or null. Variables assigned without {@code def} persist. */
    public Object evaluate(String code) {
        try {
            return Evaluation.call("groovy", () -> shell.evaluate(code, CONSOLE_SOURCE));
        } catch (Evaluation.Interrupted e) {
            throw new ScriptFailedException(CONSOLE_SOURCE + ": " + e.getMessage(), e);
        } catch (CompilationFailedException e) {
            binding.setVariable("exception", e);
            throw new ScriptFailedException(ScriptErrors.describeCompilation(e), e);
        } catch (RuntimeException | Error e) {
            binding.setVariable("exception", e);
            throw new ScriptFailedException(ScriptErrors.describe(e, CONSOLE_SOURCE), e);
        }
    }

    /**
     * Runs a script file with {@code args}; hosts and subscriptions it creates end with it.
     *
     * @throws ScriptFailedException naming the script's file and line
     */
    public void runFile(Path file, List<String> args) {
        File f = file.toFile();
        binding.setVariable("args", args.toArray(new String[0]));
        binding.setVariable("scriptFile", f.getAbsoluteFile());
        binding.setVariable("scriptDir", f.getAbsoluteFile().getParentFile());
        synchronized (scopes) {
            scopes.push(new ArrayList<>());
        }
        try {
            Files.readAllBytes(file); // an unreadable file fails here with the reason, once
            Script script = shell.parse(f);
            Evaluation.call("groovy " + f.getName(), script::run);
            dispatcher.drain(2000);
            Throwable late = dispatcher.takeFailure();
            if (late != null) {
                throw new ScriptFailedException(ScriptErrors.describe(late, f.getName()), late);
            }
        } catch (CompilationFailedException e) {
            throw new ScriptFailedException(ScriptErrors.describeCompilation(e), e);
        } catch (IOException e) {
            throw new ScriptFailedException(FileErrors.describe(file, e), e);
        } catch (ScriptFailedException e) {
            throw e;
        } catch (Evaluation.Interrupted e) {
            throw new ScriptFailedException(f.getName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptFailedException(f.getName() + ": interrupted", e);
        } catch (RuntimeException | Error e) {
            binding.setVariable("exception", e);
            throw new ScriptFailedException(ScriptErrors.describe(e, f.getName()), e);
        } finally {
            List<AutoCloseable> scope;
            synchronized (scopes) {
                scope = scopes.pop();
            }
            closeAll(scope);
        }
    }

    /** Names a script can use: binding variables, the API's properties and functions. */
    public List<String> bindingNames() {
        TreeSet<String> names = new TreeSet<>(GroovyApi.names(GroovyApi.Kind.values()));
        for (Object k : binding.getVariables().keySet()) {
            names.add(String.valueOf(k));
        }
        names.remove("out");
        return new ArrayList<>(names);
    }

    /** The console's own host as scripts see it. */
    public ScriptedHost host() {
        return host;
    }

    ScriptedHost newHost(Map<String, ?> opts) throws IOException {
        Options o = new Options("newHost", opts, List.of("name", "addr", "listen", "peer"));
        Host h = new Host(o.string("name", ""), Clock.systemDefaultZone());
        PeerCheck.of(h);
        List<String> addresses = new ArrayList<>();
        ScriptedHost.addAll(addresses, o.get("addr"));
        for (String a : addresses) {
            IpAddress ip = IpAddress.tryParse(a);
            if (ip == null) {
                h.close();
                throw new IllegalArgumentException("newHost: addr " + a + ": not a numeric IPv4 or IPv6 address");
            }
            h.addAddress(ip);
        }
        Setkey setkey = new Setkey(h.sad(), h.spd(), ProcessHandle.current().pid());
        ScriptedHost sh = new ScriptedHost(this, h, setkey,
                SetkeyLanguage.of(setkey, new ConfigFile(setkey, h.sysctl(), h.sad())), true);
        track(sh);
        h.startTimers();
        sh.listen(o.get("listen") == null ? 0 : o.get("listen"));
        Object peers = o.get("peer");
        if (peers instanceof java.util.Collection<?> c) {
            for (Object p : c) {
                sh.addPeer(p);
            }
        } else if (peers != null) {
            sh.addPeer(peers);
        }
        return sh;
    }

    boolean waitFor(Number seconds, Closure<?> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Options.seconds("waitFor", seconds));
        while (true) {
            Throwable failed = dispatcher.takeFailure();
            if (failed != null) {
                throw new IllegalStateException("an on(...) callback failed: " + ScriptErrors.message(failed), failed);
            }
            if (DefaultTypeTransformation.castToBoolean(condition.call())) {
                return true;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(20, left));
        }
    }

    EventDispatcher dispatcher() {
        return dispatcher;
    }

    /** Closed when the current script run ends (or at console exit for typed expressions). */
    void track(AutoCloseable resource) {
        synchronized (scopes) {
            scopes.peek().add(resource);
        }
    }

    void println(String line) {
        output.println(line);
    }

    void out(String text) {
        output.out(text);
    }

    void errorln(String line) {
        output.errorln(line);
    }

    @Override
    public void close() {
        List<List<AutoCloseable>> all;
        synchronized (scopes) {
            all = new ArrayList<>(scopes);
            scopes.clear();
        }
        for (List<AutoCloseable> scope : all) {
            closeAll(scope);
        }
        dispatcher.close();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            ScriptedHost.closeQuietly(resources.get(i));
        }
    }

    /** println and print of scripts go to the console's output. */
    private static final class OutputWriter extends Writer {
        private final CommandOutput output;

        OutputWriter(CommandOutput output) {
            this.output = output;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            output.out(new String(buf, off, len));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
