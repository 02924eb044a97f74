package org.jsetkey.engine.sysctl;

/** The value type of a knob, with the name FreeBSD's sysctl(8) uses in "invalid ..." messages. */
public enum KnobType {
    INT("integer"),
    STRING("string");

    private final String typeName;

    KnobType(String typeName) {
        this.typeName = typeName;
    }

    /** "integer", "string": as in {@code sysctl: invalid integer 'abc'}. */
    public String typeName() {
        return typeName;
    }
}
