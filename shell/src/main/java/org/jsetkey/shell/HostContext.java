package org.jsetkey.shell;

import java.time.Clock;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.shell.command.SetkeyLanguage;

/** One jsetkey host as the program sees it: its databases, knobs and setkey language. */
public final class HostContext {
    private final HostOptions options;
    private final EventBus events = new EventBus();
    private final Sad sad;
    private final Spd spd;
    private final Sysctl sysctl = new Sysctl();
    private final Setkey setkey;

    public HostContext(HostOptions options) {
        this(options, Clock.systemDefaultZone());
    }

    public HostContext(HostOptions options, Clock clock) {
        this.options = options;
        this.sad = new Sad(clock, events);
        this.spd = new Spd(clock, events);
        this.setkey = new Setkey(sad, spd, ProcessHandle.current().pid());
    }

    public HostOptions options() {
        return options;
    }

    public EventBus events() {
        return events;
    }

    public Sad sad() {
        return sad;
    }

    public Spd spd() {
        return spd;
    }

    public Sysctl sysctl() {
        return sysctl;
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
