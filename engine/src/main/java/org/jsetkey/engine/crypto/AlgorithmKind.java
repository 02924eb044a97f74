package org.jsetkey.engine.crypto;

/** Which setkey option names an algorithm: -A, -E or -C. */
public enum AlgorithmKind {
    AUTH("authentication"),
    ENCRYPT("encryption"),
    COMPRESS("compression");

    private final String description;

    AlgorithmKind(String description) {
        this.description = description;
    }

    /** The option: a dash and the kind's initial ({@code -A}, {@code -E}, {@code -C}). */
    public String option() {
        return "-" + name().charAt(0);
    }

    public String description() {
        return description;
    }
}
