package org.jsetkey.engine.sysctl;

/**
 * Setting a knob failed. {@link #kind()} says how, so {@link SysctlCommand} can print the
 * exact FreeBSD text.
 */
public final class SysctlRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No knob or node of that name. */
        UNKNOWN,
        /** The name is a node, not a leaf. */
        NOT_A_LEAF,
        READ_ONLY,
        /** The kernel refused the value (EINVAL). */
        INVALID_ARGUMENT
    }

    private final Kind kind;
    private final String name;

    public SysctlRefusal(Kind kind, String name, String message) {
        super(message);
        this.kind = kind;
        this.name = name;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }
}
