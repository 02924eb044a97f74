package org.jsetkey.engine.picture;

/** The bytes {@code [from, to)} of a section that a transform covers in the way {@code kind} says. */
public record Span(SpanKind kind, int from, int to) {
    public Span {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(kind + " span [" + from + ", " + to + ")");
        }
    }

    public boolean covers(int offset) {
        return offset >= from && offset < to;
    }
}
