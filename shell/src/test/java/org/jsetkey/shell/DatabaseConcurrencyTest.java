package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jsetkey.engine.event.KeyEvent;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Ipv4Header;
import org.jsetkey.engine.net.UdpHeader;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.ConsoleOutput;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.NetCommands;
import org.jsetkey.shell.command.RecordingOutput;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.command.SetkeyPrinter;
import org.jsetkey.shell.groovy.ScriptHost;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.host.HostOptions;
import org.junit.jupiter.api.Test;

/**
 * The console, a Groovy script, the key timer and the link's receive thread change and read one
 * host's SAD and SPD at once, bounded in count and time: no thread throws, nothing deadlocks (a
 * bounded join, with every thread's stack in the failure), and every dump either of them prints
 * is a consistent snapshot ({@link DumpConsistency} says what that means). Statements are applied
 * one by one, each like one PF_KEY message (as {@code setkey -f} sends them), so an SA and its
 * policy from one file may be seen one without the other; the snapshot is per statement.
 */
class DatabaseConcurrencyTest {
    private static final long RUN_NANOS = 6_000_000_000L;
    private static final int ROUNDS = 400;
    private static final int FLOOD_PACKETS = 30_000;
    /** Refusals the writers expect when another actor got there first (the timer, or a round that left an SA). */
    private static final List<String> EXPECTED_REFUSALS = List.of("File exists", "No entry", "no esp SA", "no SA",
            "no in policy");

    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong dumpsChecked = new AtomicLong();

    @Test
    void consoleScriptTimerAndReceiveThreadShareTheDatabases() throws Exception {
        HostContext cardinal = new HostContext(new HostOptions("cardinal", List.of(IpAddress.parse("198.51.100.20")),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), List.of(), null, null, null, false));
        Host phoenix = new Host("phoenix");
        Recording console = new Recording();
        Interpreter shell = null;
        NetCommands net = null;
        ScriptHost groovy = null;
        List<KeyEvent> expiries = Collections.synchronizedList(new ArrayList<>());
        List<KeyEvent.Drop> drops = Collections.synchronizedList(new ArrayList<>());
        try {
            cardinal.start();
            phoenix.addAddress(IpAddress.parse("192.0.2.10"));
            phoenix.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            phoenix.addPeer(new Peer(cardinal.host().link().localAddress(), List.of()));
            cardinal.host().addPeer(new Peer(phoenix.link().localAddress(), List.of()));
            shell = Interpreter.create(cardinal.sysctl(), cardinal.language(), new Session(), console);
            net = NetCommands.register(shell.registry(), cardinal.host(), console, true);
            net.showNotices(shell.session());
            groovy = new ScriptHost(cardinal.host(), cardinal.setkey(), new RecordingOutput());
            String flood = "add 192.0.2.10 198.51.100.20 esp 0x2001 -m transport -E aes-gcm-16 0x"
                    + "42".repeat(20) + ";\n";
            String policy = "spdadd 192.0.2.10 198.51.100.20 any -P %s ipsec esp/transport//require;\n";
            assertEquals("", load(phoenix, flood + policy.formatted("out")));
            assertEquals("", load(cardinal.host(), flood + policy.formatted("in")));
            AtomicLong delivered = new AtomicLong();
            cardinal.host().onDelivered(d -> delivered.incrementAndGet());
            cardinal.events().subscribe(e -> {
                if (e instanceof KeyEvent.Expire) {
                    expiries.add(e);
                } else if (e instanceof KeyEvent.Drop d) {
                    drops.add(d);
                }
            });
            long deadline = System.nanoTime() + RUN_NANOS;
            Interpreter sh = shell;
            ScriptHost gs = groovy;
            List<Thread> threads = List.of(
                    actor("console", () -> consoleRounds(sh, console, deadline)),
                    actor("groovy", () -> groovyRounds(gs, deadline)),
                    actor("flood", () -> flood(phoenix, deadline)));
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 60_000);
            }
            for (Thread t : threads) {
                assertTrue(!t.isAlive(), () -> t.getName() + " did not finish: deadlock or livelock?\n" + threadDump());
            }
            assertTrue(failures.isEmpty(), () -> "a thread threw: " + failures + "\n" + stack(failures.get(0)));
            assertTrue(problems.isEmpty(), () -> "inconsistent: " + problems.subList(0, Math.min(8, problems.size())));
            assertTrue(dumpsChecked.get() >= 20, "dumps checked: " + dumpsChecked.get());
            assertEquals(0, cardinal.host().timerFailures(), "key timer ticks that threw");
            assertEquals(0, cardinal.host().link().handlerFailures(), "receive-handler exceptions");
            assertEquals(List.of(), drops.stream().map(d -> d.reason() + ": " + d.explanation()).limit(5).toList(),
                    "the flood's SA and policy never changed: nothing of it may be dropped");
            assertTrue(delivered.get() > 1000, "the flood was received: " + delivered.get());
            assertTrue(expiries.stream().anyMatch(e -> ((KeyEvent.Expire) e).hard())
                    && expiries.stream().anyMatch(e -> !((KeyEvent.Expire) e).hard()),
                    "the timer expired SAs (soft and hard) during the run: " + expiries.size());
            List<String> after = new ArrayList<>();
            assertEquals(List.of(), DumpConsistency.sad(cardinal.setkey().dumpSad(false), false, after));
            assertTrue(after.contains("198.51.100.20 esp 8193"), "the flood's SA is still there: " + after);
        } finally {
            if (groovy != null) {
                groovy.close();
            }
            if (net != null) {
                net.close();
            }
            phoenix.close();
            cardinal.close();
        }
    }

    /**
     * The console's rounds: add or rekey (update) an SA with short lifetimes, add or delete a
     * policy, dump both. SAs with an even SPI are also deleted now and then; the odd ones only
     * end by their hard lifetime.
     */
    private void consoleRounds(Interpreter shell, Recording console, long deadline) {
        for (int i = 0; i < ROUNDS && System.nanoTime() < deadline; i++) {
            int spi = 0x10000 + i % 6;
            String g = String.format("%02x", 0x10 + i % 0x60);
            String sa = " 198.51.100.20 192.0.2.10 esp " + spi + " -m transport -ls 1 -lh 2 -E rijndael-cbc 0x"
                    + g.repeat(16) + " -A hmac-sha1 0x" + g.repeat(20) + ";";
            String sel = "192.0.2.10[" + (40000 + i % 4) + "] 198.51.100.20[9] udp -P in";
            command(shell, console, (i % 3 == 0 ? "update" : "add") + sa);
            command(shell, console, i % 2 == 0 ? "spdadd " + sel + " ipsec esp/transport//require;"
                    : "spddelete " + sel + ";");
            if (i % 5 == 4 && spi % 2 == 0) {
                command(shell, console, "delete 198.51.100.20 192.0.2.10 esp " + spi + ";");
            }
            checkSad(command(shell, console, i % 4 == 0 ? "dump" : "dump esp"), false, "console");
            checkSpd(command(shell, console, "spddump"), "console");
        }
    }

    private String command(Interpreter shell, Recording console, String line) {
        console.reset();
        shell.accept(line);
        String err = console.err.toString();
        if (!err.isEmpty() && EXPECTED_REFUSALS.stream().noneMatch(err::contains)) {
            problems.add("console: " + line + " -> " + err);
        }
        return console.out.toString();
    }

    /** The script's rounds, the same kind of work through the Groovy API, its dumps returned for checking. */
    private void groovyRounds(ScriptHost groovy, long deadline) {
        Object result = groovy.evaluate("""
                def dumps = []; def refusals = []
                long deadline = %dL
                for (int i = 0; i < %d && System.nanoTime() < deadline; i++) {
                    int spi = 0x20000 + i %% 6
                    String g = String.format('%%02x', 0x80 + i %% 0x60)
                    String sa = " 198.51.100.20 192.0.2.10 esp $spi -m transport -ls 1 -lh 2 -E rijndael-cbc 0x${g * 16} -A hmac-sha1 0x${g * 20};"
                    String sel = "192.0.2.10[${41000 + i %% 4}] 198.51.100.20[9] udp -P in"
                    [(i %% 3 == 0 ? 'update' : 'add') + sa,
                     i %% 2 == 0 ? "spdadd $sel ipsec esp/transport//require;" : "spddelete $sel;",
                     i %% 5 == 4 && spi %% 2 == 0 ? "delete 198.51.100.20 192.0.2.10 esp $spi;" : ''].each { s ->
                        try { if (s) setkey(s) } catch (e) { refusals << e.message }
                    }
                    assert sad.every { it.spi > 0 } && spd.size() >= 0
                    if (i %% 3 == 0) { dumps << dump('esp') << spddump() }
                }
                [dumps: dumps, refusals: refusals]
                """.formatted(deadline, ROUNDS));
        Map<?, ?> m = (Map<?, ?>) result;
        List<?> dumps = (List<?>) m.get("dumps");
        for (int i = 0; i < dumps.size(); i += 2) {
            checkSad((String) dumps.get(i), false, "groovy");
            checkSpd((String) dumps.get(i + 1), "groovy");
        }
        for (Object r : (List<?>) m.get("refusals")) {
            if (EXPECTED_REFUSALS.stream().noneMatch(((String) r)::contains)) {
                problems.add("groovy: " + r);
            }
        }
    }

    private void checkSad(String text, boolean includeDead, String who) {
        List<String> p = DumpConsistency.sad(text, includeDead, new ArrayList<>());
        p.forEach(x -> problems.add(who + ": " + x + "\n" + text));
        dumpsChecked.incrementAndGet();
    }

    private void checkSpd(String text, String who) {
        DumpConsistency.spd(text).forEach(x -> problems.add(who + ": " + x + "\n" + text));
        dumpsChecked.incrementAndGet();
    }

    /** Phoenix sends UDP through its SPD and the flood's SA, paced to about 5,000 packets a second. */
    private static void flood(Host phoenix, long deadline) throws InterruptedException {
        IpAddress src = IpAddress.parse("192.0.2.10");
        IpAddress dst = IpAddress.parse("198.51.100.20");
        for (int i = 0; i < FLOOD_PACKETS && System.nanoTime() < deadline; i++) {
            byte[] udp = UdpHeader.build(src, dst, 40000 + i % 4, 9, new byte[64]);
            byte[] head = Ipv4Header.of(src, dst, IpProtocol.UDP.number(), udp.length, i & 0xffff, 64).encode();
            byte[] ip = java.util.Arrays.copyOf(head, head.length + udp.length);
            System.arraycopy(udp, 0, ip, head.length, udp.length);
            if (!phoenix.send(ip)) {
                throw new AssertionError("phoenix could not send packet " + i);
            }
            if (i % 10 == 9) {
                Thread.sleep(2);
            }
        }
    }

    /** Runs setkey text on {@code h}; the errors it printed ("" when none). */
    private static String load(Host h, String text) {
        RecordingOutput out = new RecordingOutput();
        new Setkey(h.sad(), h.spd(), 1).run(text, h.name() + ".conf", new SetkeyPrinter(out));
        return out.err.toString();
    }

    private interface Work {
        void run() throws Exception;
    }

    private Thread actor(String name, Work work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "concurrency-" + name);
        t.setDaemon(true);
        return t;
    }

    private static String threadDump() {
        StringBuilder sb = new StringBuilder();
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (deadlocked != null) {
            sb.append("deadlocked threads: ").append(java.util.Arrays.toString(deadlocked)).append('\n');
        }
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            sb.append(info);
        }
        return sb.toString();
    }

    private static String stack(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    /** The console's output: command output and errors apart from the notices the timer prints above. */
    private static final class Recording extends RecordingOutput implements ConsoleOutput {
        final AtomicLong above = new AtomicLong();

        void reset() {
            out.setLength(0);
            err.setLength(0);
        }

        @Override
        public void printAbove(String text) {
            above.incrementAndGet();
        }
    }
}
