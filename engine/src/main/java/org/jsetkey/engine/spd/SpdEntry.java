package org.jsetkey.engine.spd;

/** One SPD entry: the policy, its id (spid) and times. */
public final class SpdEntry {
    private final long id;
    private final Policy policy;
    private final long createdMillis;
    private volatile long lastUsedMillis;

    SpdEntry(long id, Policy policy, long createdMillis) {
        this.id = id;
        this.policy = policy;
        this.createdMillis = createdMillis;
    }

    public long id() {
        return id;
    }

    public Policy policy() {
        return policy;
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** 0 when never used. */
    public long lastUsedMillis() {
        return lastUsedMillis;
    }

    public void markUsed(long nowMillis) {
        lastUsedMillis = nowMillis;
    }
}
