package org.jsetkey.engine.setkey;

/**
 * The outcome of running a batch of setkey input.
 *
 * @param applied       statements that took effect
 * @param errors        syntax errors plus statements refused at apply time
 * @param exitRequested an {@code exit;}/{@code quit;}/{@code bye;} statement was reached
 */
public record SetkeyResult(int applied, int errors, boolean exitRequested) {
    public boolean failed() {
        return errors > 0;
    }
}
