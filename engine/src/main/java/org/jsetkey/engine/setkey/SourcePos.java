package org.jsetkey.engine.setkey;

/** Where a token stands: file name ("<stdin>" for standard input), 1-based line and column, length in characters. */
public record SourcePos(String file, int line, int column, int length) {
}
