package org.jsetkey.engine.persist;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.RecordingListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.sysctl.SysctlCommand;

/** An engine host on a fixed clock with its setkey language and file loader, recording diagnostics. */
final class TestHost extends RecordingListener {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-05T01:02:03Z"), ZoneOffset.UTC);
    private static final Pattern SPID = Pattern.compile("spid=\\d+");

    final Host host = new Host("t", CLOCK);
    final Setkey setkey = new Setkey(host.sad(), host.spd(), 4321);
    final ConfigFile file = new ConfigFile(setkey, host.sysctl(), host.sad());

    SetkeyResult load(String text) {
        diagnostics.clear();
        return file.run(text, "t.conf", this);
    }

    /** Loads text that must be accepted without an error (warnings such as "obsolete algorithm" may come). */
    void loadClean(String text) {
        SetkeyResult r = load(text);
        if (r.failed()) {
            throw new AssertionError("diagnostics loading:\n" + text + "\n" + diagnostics.stream()
                    .map(Diagnostic::format).toList());
        }
    }

    String sad() {
        return setkey.dumpSad(true);
    }

    /** The SPD dump with spids blanked: a reload numbers policies 1, 2, ... in order. */
    String spd() {
        return SPID.matcher(setkey.dumpSpd()).replaceAll("spid=N");
    }

    String sysctlAll() {
        return SysctlCommand.run(host.sysctl(), List.of("-a")).out();
    }

    String state() {
        return sad() + spd() + sysctlAll();
    }
}
