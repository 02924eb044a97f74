package org.jsetkey.engine.setkey;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.net.InetAton;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.net.IpProtocol;
import org.jsetkey.engine.net.Prefix;
import org.jsetkey.engine.sad.SecurityContext;
import org.jsetkey.engine.setkey.stmt.SaProtocol;

/** Reads one grammar slot into the statement's {@link Values}. */
final class SlotReader {
    private static final BigInteger MAX_U32 = BigInteger.valueOf(0xffffffffL);
    private static final Map<String, Integer> SERVICES = Map.ofEntries(Map.entry("ftp", 21), Map.entry("ssh", 22),
            Map.entry("telnet", 23), Map.entry("smtp", 25), Map.entry("domain", 53), Map.entry("http", 80),
            Map.entry("ntp", 123), Map.entry("bgp", 179), Map.entry("https", 443), Map.entry("isakmp", 500),
            Map.entry("ipsec-nat-t", 4500));

    private SlotReader() {
    }

    static void read(StatementSpec spec, Slot slot, Cursor c, Values v) {
        Token start = c.peek();
        switch (slot.kind()) {
            case AIFLAGS:
                aiflags(c, v, slot);
                break;
            case ADDRESS:
                v.put(slot.name(), saAddress(c, v, slot), start);
                break;
            case RANGE:
                v.put(slot.name(), range(c, v, slot), start);
                break;
            case SA_PROTOCOL:
                v.put(slot.name(), protocol(c, v, slot), start);
                break;
            case SPI:
                v.put(slot.name(), spi(c, slot), start);
                break;
            case SA_OPTIONS:
                v.put(slot.name(), SaPartReader.options(c, v, !spec.slots().stream()
                        .anyMatch(s -> s.kind() == SlotKind.ALGORITHMS)), start);
                break;
            case ALGORITHMS:
                v.put(slot.name(), SaPartReader.algorithms(c, v), start);
                break;
            case UPPERSPEC:
                v.put(slot.name(), upper(c, slot), start);
                break;
            case LABEL:
                v.put(slot.name(), label(c), start);
                break;
            case POLICY:
                v.put(slot.name(), PolicyReader.read(c, false), start);
                break;
            case DIRECTION_POLICY:
                v.put(slot.name(), PolicyReader.read(c, true), start);
                break;
            case END:
                end(spec, c);
                break;
            default:
                throw new IllegalStateException("not a statement slot: " + slot.kind());
        }
    }

    private static void aiflags(Cursor c, Values v, Slot slot) {
        StringBuilder flags = new StringBuilder();
        while (true) {
            Token t = c.peek(SlotKind.AIFLAGS, slot.help(), List.of("-4", "-6", "-n"));
            if (t.kind() != TokenKind.OPTION || !Lexer.isAiflags(t.text())) {
                break;
            }
            flags.append(t.text(), 1, t.text().length());
            c.next();
        }
        v.put(slot.name(), flags.toString(), v.keyword());
    }

    /** An SA address; a {@code [port]} after it is kept as {@code src_port}/{@code dst_port} for esp-udp. */
    private static IpAddress saAddress(Cursor c, Values v, Slot slot) {
        Token t = c.next(SlotKind.ADDRESS, slot.help(), List.of());
        if (t.is(TokenKind.WORD) && Grammar.protocols().contains(t.text())) {
            // "add ah 24500 ...": the addresses were left out, the protocol came first
            throw new ParseError(t, (slot.name().equals("src") ? "missing source and destination addresses"
                    : "missing destination address") + " before " + t.quoted());
        }
        IpAddress a = address(c, t, v, slot.name());
        Token after = c.peek();
        if (after.is(TokenKind.SLASH)) {
            throw new ParseError(after, "unexpected " + after.quoted() + ": SA addresses take no prefix length");
        }
        if (after.is(TokenKind.LBRACKET)) {
            v.put(slot.name() + "_port", bracketPort(c), after);
        }
        return a;
    }

    /** {@code [port]}: the bracket is next. */
    private static Integer bracketPort(Cursor c) {
        c.next();
        Token q = c.next(SlotKind.PORT, "port: a number, any or a service name", List.of("any"));
        int port = port(q);
        Token close = c.next(SlotKind.PORT, "]", List.of("]"));
        if (!close.is(TokenKind.RBRACKET)) {
            throw new ParseError(close, "missing \"]\" before " + close.quoted());
        }
        return port;
    }

    /** A numeric address (or {@code localhost}), checked against -4/-6. */
    static IpAddress address(Cursor c, Token t, Values v, String what) {
        if (t.is(TokenKind.SEMICOLON) || t.is(TokenKind.EOF)) {
            throw new ParseError(t, "missing " + what + " address before " + t.quoted());
        }
        String flags = v.has("aiflags") ? v.get("aiflags", String.class) : "";
        boolean only4 = flags.contains("4") && !flags.contains("6");
        boolean only6 = flags.contains("6") && !flags.contains("4");
        String text = t.text();
        if (t.is(TokenKind.WORD) && text.equals("localhost")) {
            text = only6 ? "::1" : "127.0.0.1";
        }
        IpAddress a = t.is(TokenKind.WORD) ? IpAddress.tryParse(text) : null;
        if (a == null && t.is(TokenKind.WORD) && text.indexOf('.') > 0 && !only6) {
            // ipsec-tools' setkey resolves with getaddrinfo, which takes inet_aton's old forms
            a = InetAton.parse(text);
            if (a != null) {
                c.warn(t, "old-style IPv4 address " + t.quoted() + " read as " + a.format() + " (inet_aton)");
            }
        }
        if (a == null) {
            throw new ParseError(t, "invalid address " + t.quoted());
        }
        if (only4 && a.isV6() || only6 && a.isV4()) {
            throw new ParseError(t, "address " + t.quoted() + " is not " + (only4 ? "IPv4 (-4 given)"
                    : "IPv6 (-6 given)"));
        }
        return a;
    }

    private static AddressRange range(Cursor c, Values v, Slot slot) {
        IpAddress a = address(c, c.next(SlotKind.ADDRESS, slot.help(), List.of()), v, slot.name());
        int plen = a.bitLength();
        if (c.peek().is(TokenKind.SLASH)) {
            c.next();
            Token p = c.next(SlotKind.PREFIX_LENGTH, "prefix length 0-" + a.bitLength(), List.of());
            if (!p.is(TokenKind.DECIMAL)) {
                throw new ParseError(p, "invalid prefix length " + p.quoted());
            }
            BigInteger n = new BigInteger(p.text());
            if (n.compareTo(BigInteger.valueOf(a.bitLength())) > 0) {
                throw new ParseError(p, "invalid prefix length \"" + p.text() + "\"",
                        List.of("0-" + a.bitLength()));
            }
            plen = n.intValue();
        }
        int port = c.peek().is(TokenKind.LBRACKET) ? bracketPort(c) : 0;
        return new AddressRange(new Prefix(a, plen), port);
    }

    static int port(Token q) {
        if (q.is(TokenKind.DECIMAL)) {
            BigInteger n = new BigInteger(q.text());
            if (n.compareTo(BigInteger.valueOf(65535)) > 0) {
                throw new ParseError(q, "invalid port \"" + q.text() + "\"", List.of("0-65535"));
            }
            return n.intValue();
        }
        if (q.isWord("any")) {
            return 0;
        }
        if (q.is(TokenKind.WORD) && SERVICES.containsKey(q.text())) {
            return SERVICES.get(q.text());
        }
        throw new ParseError(q, "invalid port " + q.quoted() + " (servname not supported)");
    }

    private static SaProtocol protocol(Cursor c, Values v, Slot slot) {
        Token t = c.peek(SlotKind.SA_PROTOCOL, slot.help(), Grammar.protocols());
        if (slot.optional() && (t.is(TokenKind.SEMICOLON) || t.is(TokenKind.EOF)
                || t.is(TokenKind.WORD) && Grammar.statement(t.text()).isPresent())) {
            return null;
        }
        c.next();
        if (t.is(TokenKind.SEMICOLON) || t.is(TokenKind.EOF)) {
            throw new ParseError(t, "missing protocol before " + t.quoted(), Grammar.protocols());
        }
        SaProtocol p = t.is(TokenKind.WORD) ? SaProtocol.byKeyword(t.text()) : null;
        if (p == null) {
            throw new ParseError(t, "unknown protocol " + t.quoted(), Grammar.protocols());
        }
        if (p == SaProtocol.ESP_UDP && !slot.optional()) {
            natOriginalAddress(c, v);
        }
        return p;
    }

    /** ipsec-tools' {@code esp-udp ADDR}: an address (never a number, unlike the SPI that follows) is the NAT-OA. */
    private static void natOriginalAddress(Cursor c, Values v) {
        Token t = c.peek(SlotKind.ADDRESS, "NAT original address (optional), then the SPI", List.of());
        if (t.is(TokenKind.WORD) && (IpAddress.tryParse(t.text()) != null || t.text().equals("localhost"))) {
            c.next();
            v.put("natt_oa", address(c, t, v, "NAT original"), t);
        }
    }

    private static Long spi(Cursor c, Slot slot) {
        Token t = c.next(SlotKind.SPI, slot.help(), List.of());
        if (!t.is(TokenKind.DECIMAL) && !t.is(TokenKind.HEX)) {
            if (t.is(TokenKind.SEMICOLON) || t.is(TokenKind.EOF)) {
                throw new ParseError(t, "missing SPI before " + t.quoted());
            }
            throw new ParseError(t, "invalid SPI " + t.quoted());
        }
        BigInteger n = number(t);
        if (n.compareTo(MAX_U32) > 0) {
            throw new ParseError(t, "SPI too big.", List.of("0-4294967295"));
        }
        return n.longValue();
    }

    /** A decimal or hex token's value. */
    static BigInteger number(Token t) {
        return t.is(TokenKind.HEX) ? new BigInteger(t.text().substring(2), 16) : new BigInteger(t.text());
    }

    /** A decimal argument in 0..max. */
    static long decimal(Token t, String what, long max) {
        if (!t.is(TokenKind.DECIMAL)) {
            throw new ParseError(t, "invalid " + what + " " + t.quoted(), List.of("0-" + max));
        }
        BigInteger n = new BigInteger(t.text());
        if (n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ParseError(t, what + " too big: " + t.text(), List.of("0-" + max));
        }
        return n.longValue();
    }

    private static UpperSpec upper(Cursor c, Slot slot) {
        Token t = c.next(SlotKind.UPPERSPEC, slot.help(), Grammar.upperSpecs());
        if (t.is(TokenKind.DECIMAL)) {
            return new UpperSpec((int) decimal(t, "upper layer protocol", 255), false, 0, 0);
        }
        if (!t.is(TokenKind.WORD)) {
            throw new ParseError(t, "invalid upper layer protocol " + t.quoted(), List.of("any", "tcp", "udp",
                    "icmp6", "a number"));
        }
        switch (t.text()) {
            case "any":
                return new UpperSpec(IpProtocol.ANY.number(), false, 0, 0);
            case "icmp6":
            case "ipv6-icmp":
                return typeCode(c, IpProtocol.ICMPV6.number(), t.text());
            case "icmp":
                return typeCode(c, IpProtocol.ICMP.number(), t.text());
            case "ip4":
                return new UpperSpec(IpProtocol.IPV4.number(), false, 0, 0);
            case "ah":
            case "ipcomp":
                throw new ParseError(t, "invalid upper layer protocol " + t.quoted() + ": write "
                        + IpProtocol.byName(t.text()) + " instead");
            default:
                int n = IpProtocol.byName(t.text());
                if (n < 0) {
                    throw new ParseError(t, "invalid upper layer protocol " + t.quoted(),
                            List.of("any", "tcp", "udp", "icmp6", "a number"));
                }
                return new UpperSpec(n, false, 0, 0);
        }
    }

    private static UpperSpec typeCode(Cursor c, int proto, String name) {
        Token t = c.peek(SlotKind.ICMP_TYPE_CODE, "type,code (optional), then -P", List.of("-P", "-ctx"));
        if (t.is(TokenKind.DECIMAL)) {
            throw new ParseError(t, name + " needs both type and code, e.g. \"" + t.text() + ",0\"");
        }
        if (!t.is(TokenKind.DIGIT_LIST)) {
            return new UpperSpec(proto, false, 0, 0);
        }
        c.next();
        String[] parts = t.text().split(",", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()
                || new BigInteger(parts[0]).intValue() > 255 || parts[0].length() > 3
                || new BigInteger(parts[1]).intValue() > 255 || parts[1].length() > 3) {
            throw new ParseError(t, "invalid " + name + " type,code " + t.quoted(), List.of("0-255,0-255"));
        }
        return new UpperSpec(proto, true, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    private static SecurityContext label(Cursor c) {
        Token t = c.peek(SlotKind.LABEL, "-ctx doi algorithm \"context\", or -P", List.of("-ctx", "-P"));
        if (!t.isOption("-ctx")) {
            return null;
        }
        c.next();
        return context(c);
    }

    /** The three arguments of -ctx. */
    static SecurityContext context(Cursor c) {
        Token doi = c.next(SlotKind.NUMBER, "security context DOI (0-255)", List.of());
        Token alg = c.next(SlotKind.NUMBER, "security context algorithm (0-255)", List.of());
        int d = (int) decimal(doi, "context DOI", 255);
        int a = (int) decimal(alg, "context algorithm", 255);
        Token s = c.next(SlotKind.CONTEXT, "security context in quotes", List.of());
        if (!s.is(TokenKind.STRING)) {
            throw new ParseError(s, "invalid security context " + s.quoted() + ": expected a quoted string");
        }
        return new SecurityContext(d, a, s.text());
    }

    private static void end(StatementSpec spec, Cursor c) {
        Token t = c.next(SlotKind.END, "end of statement", List.of(";"));
        if (t.is(TokenKind.SEMICOLON)) {
            return;
        }
        if (t.is(TokenKind.EOF) || t.is(TokenKind.WORD) && Grammar.statement(t.text()).isPresent()) {
            throw new ParseError(t, "missing \";\" before " + t.quoted(), List.of(";"), true);
        }
        if (t.is(TokenKind.OPTION) && Grammar.saOption(t.text()).isPresent()
                && spec.slots().stream().anyMatch(s -> s.kind() == SlotKind.ALGORITHMS)) {
            throw new ParseError(t, "option " + t.text() + " must come before the algorithm part");
        }
        if (t.isOption("-E")) {
            throw new ParseError(t, "-E must come before -A");
        }
        if (t.isOption("-R")) {
            throw new ParseError(t, "-R must follow -C directly");
        }
        throw new ParseError(t, "syntax error at " + t.quoted() + ": nothing more may follow in "
                + spec.keyword(), List.of(";"));
    }
}
