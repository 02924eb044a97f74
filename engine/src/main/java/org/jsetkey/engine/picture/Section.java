package org.jsetkey.engine.picture;

import java.util.List;

/**
 * A run of bytes drawn as one diagram: the packet as it is on the wire (with encrypted parts shown
 * decrypted in place), or what an IPComp payload inflates to.
 *
 * @param title   a line above the diagram
 * @param headers its headers in offset order
 * @param spans   the runs of bytes each transform covers
 */
public record Section(String title, List<Header> headers, List<Span> spans) {
    public Section {
        headers = List.copyOf(headers);
        spans = List.copyOf(spans);
    }

    public int length() {
        return headers.isEmpty() ? 0 : headers.get(headers.size() - 1).offset() + headers.get(headers.size() - 1).length();
    }
}
