package org.jsetkey.engine.setkey;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. */
final class TestClock extends Clock {
    /** Jan  5 01:02:03 2024 UTC, the time of the reference's worked examples. */
    static final long EXAMPLE_EPOCH_MILLIS = 1704416523000L;

    private long millis;
    private final ZoneId zone;

    TestClock(long millis, ZoneId zone) {
        this.millis = millis;
        this.zone = zone;
    }

    static TestClock example() {
        return new TestClock(EXAMPLE_EPOCH_MILLIS, ZoneOffset.UTC);
    }

    void advanceSeconds(long s) {
        millis += s * 1000;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new TestClock(millis, z);
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}
