package org.jsetkey.engine.sad;

/** A hard or soft lifetime limit: seconds since creation and bytes processed (0 = none). */
public record Lifetime(long addtime, long bytes) {
    public static final Lifetime NONE = new Lifetime(0, 0);

    public Lifetime {
        if (addtime < 0 || bytes < 0) {
            throw new IllegalArgumentException("lifetime: negative value");
        }
    }

    public boolean isNone() {
        return addtime == 0 && bytes == 0;
    }
}
