package org.jsetkey.engine.setkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Tokenizer rules of architecture.md §1. */
class LexerTest {

    private static List<TokenKind> kinds(String text) {
        return Lexer.lex(text).tokens().stream().map(Token::kind).toList();
    }

    @Test
    void longestMatch() {
        List<Token> t = Lexer.lex("10.0.0.1 167772161 0x1f 0x espx add::1 135,0 \"a b\"").tokens();
        assertEquals(List.of(TokenKind.WORD, TokenKind.DECIMAL, TokenKind.HEX, TokenKind.WORD, TokenKind.WORD,
                TokenKind.WORD, TokenKind.DIGIT_LIST, TokenKind.STRING, TokenKind.EOF),
                t.stream().map(Token::kind).toList());
        assertEquals("a b", t.get(7).text());
        assertEquals(5, t.get(7).length());
    }

    @Test
    void positionsAcrossLinesAndComments() {
        List<Token> t = Lexer.lex("flush; # x ; y\n  dump\tesp;").tokens();
        assertEquals(List.of(TokenKind.WORD, TokenKind.SEMICOLON, TokenKind.WORD, TokenKind.WORD,
                TokenKind.SEMICOLON, TokenKind.EOF), t.stream().map(Token::kind).toList());
        assertEquals(2, t.get(2).line());
        assertEquals(3, t.get(2).column());
        assertEquals(8, t.get(3).column());
    }

    @Test
    void policyTextIsSplitIntoPieces() {
        List<Token> t = Lexer.lex("-P out prio high + 5 ipsec\n esp/tunnel/10.0.0.1-10.0.0.2/unique:3;x").tokens();
        assertEquals(TokenKind.OPTION, t.get(0).kind());
        assertEquals("esp/tunnel/10.0.0.1-10.0.0.2/unique:3", t.get(7).text());
        assertEquals(TokenKind.POLICY_WORD, t.get(7).kind());
        assertEquals(TokenKind.WORD, t.get(9).kind(), "policy mode ends at ;");
    }

    @Test
    void optionsAndErrors() {
        assertEquals(List.of(TokenKind.OPTION, TokenKind.OPTION, TokenKind.OPTION, TokenKind.EOF),
                kinds("-46n -ctx -lh"));
        Lexer.Lexed l = Lexer.lex("-x -1 @ \"open");
        assertEquals(4, l.errors().size());
        assertEquals("unknown option \"-x\"", l.errors().get(0).message());
        assertEquals("unknown option \"-1\"", l.errors().get(1).message());
        assertEquals("unexpected character \"@\"", l.errors().get(2).message());
        assertEquals("unterminated string", l.errors().get(3).message());
        assertEquals(9, l.errors().get(3).token().column());
        assertTrue(Lexer.isAiflags("-n4"));
    }
}
