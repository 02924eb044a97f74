package org.jsetkey.engine.sysctl;

/**
 * What one {@code sysctl} command printed and its exit status.
 *
 * @param out    standard output text (every line ends with a newline)
 * @param err    standard error text, lines prefixed {@code sysctl: }
 * @param status 0 on success; the number of failed arguments; 1 for a usage error
 */
public record SysctlResult(String out, String err, int status) {
    public boolean failed() {
        return status != 0;
    }
}
