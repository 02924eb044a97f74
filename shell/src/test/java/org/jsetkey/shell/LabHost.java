package org.jsetkey.shell;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.link.Endpoints;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.PeerStats;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.shell.command.RecordingOutput;
import org.jsetkey.shell.command.Outcome;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.host.HostOptions;

/** One host of an in-JVM lab: the program's HostContext and shell, output recorded. */
final class LabHost implements AutoCloseable {
    final HostContext context;
    final Shell shell;
    private final RecordingOutput output = new RecordingOutput();

    LabHost(String name, boolean interactive, String... addresses) throws IOException {
        List<IpAddress> a = new ArrayList<>();
        for (String s : addresses) {
            a.add(IpAddress.parse(s));
        }
        context = new HostContext(new HostOptions(name, a, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                List.of(), null, null, null, false));
        context.start();
        shell = new Shell(context, output, interactive);
    }

    LabHost(String name, String... addresses) throws IOException {
        this(name, false, addresses);
    }

    /** Makes {@code other} reachable from this host for {@code prefixes} (none: the default peer). */
    LabHost peer(LabHost other, String... prefixes) {
        List<org.jsetkey.engine.net.Prefix> l = new ArrayList<>();
        for (String p : prefixes) {
            l.add(Endpoints.parsePrefix(p));
        }
        Peer peer = new Peer(other.context.host().link().localAddress(), l);
        context.host().addPeer(peer);
        if (other.knows(this)) {
            awaitAnswer(peer);
        }
        return this;
    }

    private boolean knows(LabHost other) {
        InetSocketAddress theirs = other.context.host().link().localAddress();
        return context.host().link().peers().stream().anyMatch(p -> p.endpoint().equals(theirs));
    }

    /**
     * Waits (bounded) until the peer's answer to our announcement is in, so the link is quiet and
     * a capture started next sees only the test's own packets.
     */
    private void awaitAnswer(Peer peer) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (context.host().link().announcedName(peer) == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The hosts' own control packets (announcements, answers, peer check) this host sent and received. */
    long controlPackets() {
        long n = 0;
        for (Peer p : context.host().link().peers()) {
            PeerStats s = context.host().link().stats(p);
            n += s.controlIn() + s.controlOut();
        }
        return n;
    }

    /** Runs each line; returns the outcome of the last one. */
    Outcome run(String... lines) {
        Outcome o = Outcome.OK;
        for (String l : lines) {
            o = shell.interpreter().accept(l);
        }
        return o;
    }

    /** Runs setkey text and insists it succeeded. */
    void setkey(String text) {
        for (String line : text.split("\n")) {
            Outcome o = shell.interpreter().accept(line);
            if (o == Outcome.FAILED) {
                throw new AssertionError("setkey failed: " + line + "\n" + output.err);
            }
        }
    }

    String out() {
        return output.out.toString();
    }

    String err() {
        return output.err.toString();
    }

    void clear() {
        output.out.setLength(0);
        output.err.setLength(0);
    }

    @Override
    public void close() {
        shell.close();
        context.close();
    }
}
