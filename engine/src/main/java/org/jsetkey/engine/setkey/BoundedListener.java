package org.jsetkey.engine.setkey;

/**
 * Passes at most {@link #LIMIT} errors and warnings of one source on, then one line
 * {@code FILE: too many errors; stopping}, as a compiler does: a file of junk costs a screen,
 * not gigabytes. The caller stops applying once {@link #stopped()}.
 */
public final class BoundedListener implements SetkeyListener {
    /** Diagnostics (errors and warnings) shown per source. */
    public static final int LIMIT = 20;

    private final SetkeyListener target;
    private final String file;
    private int shown;
    private boolean stopped;

    public BoundedListener(SetkeyListener target, String file) {
        this.target = target;
        this.file = file;
    }

    @Override
    public void output(String text) {
        target.output(text);
    }

    @Override
    public void diagnostic(Diagnostic d) {
        if (d.severity() == Diagnostic.Severity.INFO) {
            target.diagnostic(d);
            return;
        }
        if (stopped) {
            return;
        }
        if (shown == LIMIT) {
            stopped = true;
            target.diagnostic(Diagnostic.tooMany(file));
            return;
        }
        shown++;
        target.diagnostic(d);
    }

    /** True once the limit was passed: the rest of the source is neither reported nor applied. */
    public boolean stopped() {
        return stopped;
    }
}
