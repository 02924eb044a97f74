package org.jsetkey.engine.setkey;

/**
 * What kind of input a grammar slot (or a part inside one) takes. Statement slots come
 * first; the rest name the arguments inside options and policies, so completion can say
 * exactly what comes next.
 */
public enum SlotKind {
    STATEMENT, AIFLAGS, ADDRESS, RANGE, SA_PROTOCOL, SPI, SA_OPTIONS, ALGORITHMS, UPPERSPEC, LABEL, POLICY,
    /** The policy of spddelete: only the direction counts. */
    DIRECTION_POLICY, END,
    // parts inside slots
    MODE, NUMBER, PAD_FLAG, CONTEXT, ENC_ALGORITHM, AUTH_ALGORITHM, COMP_ALGORITHM, KEY, PREFIX_LENGTH, PORT,
    ICMP_TYPE_CODE, DIRECTION, PRIORITY, ACTION, RULE, TAG,
    /** The partial input is already wrong; the expectation's help says why. */
    INVALID
}
