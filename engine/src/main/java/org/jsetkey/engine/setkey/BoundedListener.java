package org.jsetkey.engine.setkey;

/**
 * Passes at most {@link #LIMIT} errors and warnings of one source on, as a compiler does: a file
 * of junk costs a screen, not gigabytes. Past the limit the parser stops reading
 * ({@link #endParse}: {@code FILE: too many errors; stopping}); refusals while applying go on
 * being counted, each statement still applied or refused as setkey does ({@link #endApply}:
 * {@code FILE: too many errors; N more not shown}).
 */
public final class BoundedListener implements SetkeyListener {
    /** Diagnostics (errors and warnings) shown per source. */
    public static final int LIMIT = 20;

    private final SetkeyListener target;
    private final String file;
    private int shown;
    private int hidden;
    private boolean ended;

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
        } else if (shown < LIMIT) {
            shown++;
            target.diagnostic(d);
        } else {
            hidden++;
        }
    }

    /** After the parse's diagnostics: one line when the parser stopped at the limit. */
    public void endParse() {
        if (hidden > 0 && !ended) {
            ended = true;
            target.diagnostic(Diagnostic.tooMany(file, "too many errors; stopping"));
        }
    }

    /** After applying: one line counting the refusals not shown. */
    public void endApply() {
        if (hidden > 0 && !ended) {
            ended = true;
            target.diagnostic(Diagnostic.tooMany(file, "too many errors; " + hidden + " more not shown"));
        }
    }
}
