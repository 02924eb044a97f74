package org.jsetkey.engine.xform;

/** A packet could not be sealed or opened: a {@link XformFailure} kind plus a human detail. */
public final class XformException extends Exception {
    private static final long serialVersionUID = 1L;

    private final XformFailure kind;

    public XformException(XformFailure kind, String detail) {
        super(kind + ": " + detail);
        this.kind = kind;
    }

    public XformFailure kind() {
        return kind;
    }

    /** The detail without the kind prefix. */
    public String detail() {
        return getMessage().substring(kind.toString().length() + 2);
    }
}
