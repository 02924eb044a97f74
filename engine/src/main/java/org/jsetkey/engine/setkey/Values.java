package org.jsetkey.engine.setkey;

import java.util.HashMap;
import java.util.Map;

/** The values the parser read for the slots of one statement, each with the token it started at. */
final class Values {
    private final Token keyword;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();

    Values(Token keyword) {
        this.keyword = keyword;
    }

    Token keyword() {
        return keyword;
    }

    void put(String name, Object value, Token at) {
        values.put(name, value);
        tokens.put(name, at);
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    <T> T get(String name, Class<T> type) {
        return type.cast(values.get(name));
    }

    /** Where the value started; the statement keyword when the slot was left out. */
    Token at(String name) {
        Token t = tokens.get(name);
        return t == null ? keyword : t;
    }
}
