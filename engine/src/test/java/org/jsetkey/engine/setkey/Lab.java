package org.jsetkey.engine.setkey;

import java.util.List;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.spd.Spd;

/** A SAD, SPD and Setkey on a test clock (pid 4321), recording what runs print and report. */
final class Lab extends RecordingListener {
    final TestClock clock = TestClock.example();
    final EventBus events = new EventBus();
    final Sad sad = new Sad(clock, events);
    final Spd spd = new Spd(clock, events);
    final Setkey setkey = new Setkey(sad, spd, 4321);

    SetkeyResult run(String text) {
        return setkey.run(text, "test.conf", this);
    }

    /** Runs text that must be accepted without any diagnostic. */
    SetkeyResult ok(String text) {
        SetkeyResult r = run(text);
        if (r.failed() || !diagnostics.isEmpty()) {
            throw new AssertionError("unexpected diagnostics: " + diagnostics);
        }
        return r;
    }

    Diagnostic onlyError() {
        List<Diagnostic> e = errors();
        if (e.size() != 1) {
            throw new AssertionError("expected one error, got " + e);
        }
        return e.get(0);
    }

    /** Both dumps, to show nothing changed. */
    String state() {
        return setkey.dumpSad(true) + setkey.dumpSpd();
    }
}
