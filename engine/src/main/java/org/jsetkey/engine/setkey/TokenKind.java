package org.jsetkey.engine.setkey;

/** What the setkey tokenizer distinguishes (architecture.md §1). */
public enum TokenKind {
    /** Letters, digits, {@code : . % -}: keywords, addresses, names. Keywords are words with a lower-case text. */
    WORD,
    DECIMAL,
    /** {@code 0x} followed by hex digits; the text keeps the prefix. */
    HEX,
    /** A quoted string; the text is what stood between the quotes. */
    STRING,
    /** Digits with a comma: {@code 135,0}. */
    DIGIT_LIST,
    /** {@code -m}, {@code -E}, {@code -lh}, {@code -P}, aiflags such as {@code -4n}. */
    OPTION,
    /** One blank-separated piece of the policy text after {@code -P}. */
    POLICY_WORD,
    SEMICOLON,
    SLASH,
    LBRACKET,
    RBRACKET,
    /** Text the tokenizer could not read; its error is reported separately. */
    ERROR,
    EOF
}
