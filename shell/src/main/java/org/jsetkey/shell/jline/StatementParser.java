package org.jsetkey.shell.jline;

import java.util.function.Predicate;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Keeps a setkey statement open until its {@code ;}: on Enter, an unclosed statement
 * makes JLine ask for another line, so the whole statement is one history entry.
 */
final class StatementParser extends DefaultParser {
    private volatile Predicate<String> needsMore = text -> false;

    void continueWhile(Predicate<String> test) {
        this.needsMore = test;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && needsMore.test(line)) {
            throw new EOFError(-1, -1, "setkey statement not closed by ';'", ";");
        }
        return super.parse(line, cursor, context);
    }
}
