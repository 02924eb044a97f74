package org.jsetkey.engine.crypto;

/** Which setkey option names an algorithm: -A, -E or -C. */
public enum AlgorithmKind {
    AUTH("-A", "authentication"),
    ENCRYPT("-E", "encryption"),
    COMPRESS("-C", "compression");

    private final String option;
    private final String description;

    AlgorithmKind(String option, String description) {
        this.option = option;
        this.description = description;
    }

    public String option() {
        return option;
    }

    public String description() {
        return description;
    }
}
