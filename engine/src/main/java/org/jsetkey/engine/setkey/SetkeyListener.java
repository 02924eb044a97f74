package org.jsetkey.engine.setkey;

/** Receives, in order, what running setkey input prints and reports. */
public interface SetkeyListener {
    /** Text the statement prints (dump, get), complete with line breaks. */
    void output(String text);

    void diagnostic(Diagnostic diagnostic);
}
