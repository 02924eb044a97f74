package org.jsetkey.engine.setkey;

/** Thrown in completion mode when the parser reaches the end of the partial input. */
final class NeedMore extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Expectation expectation;

    NeedMore(Expectation expectation) {
        super(expectation.help(), null, false, false);
        this.expectation = expectation;
    }

    Expectation expectation() {
        return expectation;
    }
}
