package org.jsetkey.shell;

import java.io.IOException;
import java.time.Clock;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.shell.command.SetkeyLanguage;

/** One jsetkey host as the program sees it: the engine host (databases, knobs, datapath) and its setkey language. */
public final class HostContext implements AutoCloseable {
    private final HostOptions options;
    private final Host host;
    private final Setkey setkey;

    public HostContext(HostOptions options) {
        this(options, Clock.systemDefaultZone());
    }

    public HostContext(HostOptions options, Clock clock) {
        this.options = options;
        this.host = new Host(options.name(), clock);
        for (IpAddress a : options.addresses()) {
            host.addAddress(a);
        }
        this.setkey = new Setkey(host.sad(), host.spd(), ProcessHandle.current().pid());
    }

    /** Binds the link socket and contacts the peers when --listen was given; starts the key timer. */
    public void start() throws IOException {
        host.startTimers();
        if (options.listen() != null) {
            host.listen(options.listen());
            for (Peer p : options.peers()) {
                host.addPeer(p);
            }
        }
    }

    public Host host() {
        return host;
    }

    @Override
    public void close() {
        host.close();
    }

    public HostOptions options() {
        return options;
    }

    public EventBus events() {
        return host.events();
    }

    public Sad sad() {
        return host.sad();
    }

    public Spd spd() {
        return host.spd();
    }

    public Sysctl sysctl() {
        return host.sysctl();
    }

    public Setkey setkey() {
        return setkey;
    }

    /** The setkey language of this host, as the command layer uses it. */
    public SetkeyLanguage language() {
        return new SetkeyLanguage() {
            @Override
            public boolean isComplete(String text) {
                return Setkey.isComplete(text);
            }

            @Override
            public SetkeyResult run(String source, String fileName, SetkeyListener listener) {
                return setkey.run(source, fileName, listener);
            }
        };
    }
}
