package org.jsetkey.engine;

/**
 * The key engine refused a request, as a kernel answers a PF_KEY message with an errno.
 * {@link #reason()} is the classic strerror text ("File exists", "No entry",
 * "Invalid argument"); the message adds what exactly was wrong.
 */
public class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String FILE_EXISTS = "File exists";
    public static final String NO_ENTRY = "No entry";
    public static final String INVALID_ARGUMENT = "Invalid argument";
    public static final String NOT_SUPPORTED = "Not supported";
    /** ENOBUFS: a table is at its limit (net.key.sad_maxentries, net.key.spd_maxentries). */
    public static final String NO_BUFFER_SPACE = "No buffer space available";

    private final String reason;

    public Refusal(String reason, String detail) {
        super(detail == null || detail.isEmpty() ? reason : reason + ": " + detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
