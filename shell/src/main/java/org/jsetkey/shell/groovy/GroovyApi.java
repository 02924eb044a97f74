package org.jsetkey.shell.groovy;

import java.util.ArrayList;
import java.util.List;

/**
 * The scripting API, declared once: {@code help groovy} prints it, completion offers its names,
 * and {@code GroovyApiTest} checks that scripts can call each entry and that every public
 * method of {@link JsetkeyScript} has one.
 */
final class GroovyApi {
    /** A property to read, a function to call, or one of Groovy's own that scripts use. */
    enum Kind { PROPERTY, FUNCTION, GROOVY }

    /** Names of one kind with the help lines that describe them. */
    record Entry(Kind kind, List<String> names, List<String> help) {
    }

    static final List<Entry> ENTRIES = List.of(
            property(List.of("host"),
                    "  host                      this console's live host (host.engine: the engine Host)"),
            property(List.of("sad", "spd"),
                    "  sad, spd                  SAs / policies as lists (src, dst, proto, spi, mode, state,",
                    "                            enc, auth, seq / direction, action, rules, ...)"),
            new Entry(Kind.PROPERTY, List.of("sysctl"), List.of(
                    "  sysctl['name'] = 2        read or set a knob; sysctl('name=value') runs sysctl")),
            property(List.of("link"),
                    "  link                      local, port, peers (null without --listen)",
                    "  link.impair(loss: 5, seed: 1)  netem faults on what this host sends ('off' clears); link.impaired"),
            property(List.of("args", "scriptFile", "scriptDir"),
                    "  args, scriptFile, scriptDir   script arguments and location"),
            function(List.of("setkey"),
                    "  setkey('...')             runs statements, returns what they print; throws with",
                    "                            FILE:LINE:COL and a caret on error; setkey(file) too"),
            function(List.of("dump", "spddump"),
                    "  dump(), dump('esp'), spddump()   the text setkey -D / -DP print"),
            function(List.of("netstat"),
                    "  netstat('esp')            netstat -s -p esp text"),
            function(List.of("nat"),
                    "  nat('nat on lnk0 from 10.0.1.0/24 to any -> 203.0.113.1'), nat()",
                    "                            adds a pf nat rule (this host forwards) / the table text"),
            function(List.of("ping"),
                    "  ping(dest, count: 1, interval: 1, size: 56, wait: 10, quiet: false)",
                    "                            -> sent, received, duplicates, loss, rtts (ms), replies"),
            function(List.of("capture"),
                    "  capture(count: 10, timeout: 5, during: { ... }, direction: 'in') { pkt -> ... }",
                    "                            -> list of packets: src, dst, proto ('esp','ah','icmp',...),",
                    "                            spi, seq, length, layers (['AH','ESP']), text (tcpdump -n),",
                    "                            direction, inner (decrypted packet), innerFailure,",
                    "                            picture / picture(width) (the 'picture' text), svg"),
            function(List.of("on"),
                    "  on('acquire'|'expire'|'add'|'update'|'delete'|'flush'|'spdadd'|'spdupdate'|",
                    "     'spddelete'|'spdflush'|'drop'|'packet') { event -> ... }",
                    "                            events are maps (type, src, dst, proto, spi, reason,",
                    "                            explanation, ...); 'packet' gets a packet; returns a",
                    "                            handle with cancel(). Callbacks run on one event thread."),
            function(List.of("peerCheck"),
                    "  peerCheck(), peerCheck('cardinal')",
                    "                            compares SAD and SPD with the peers (as 'peer check'):",
                    "                            ok, text, peers (peer, name, ok, problem, rows: ok, text, fix)"),
            function(List.of("waitFor"),
                    "  waitFor(seconds) { cond } polls cond until true or timeout; returns true/false"),
            function(List.of("newHost"),
                    "  newHost(name: 'b', addr: '198.51.100.20', listen: 0, peer: otherHostOr'127.0.0.1:7102')",
                    "                            another host in this JVM with the same API"),
            new Entry(Kind.GROOVY, List.of("sleep", "println"), List.of(
                    "  sleep(ms), println(x)     as in Groovy")));

    private GroovyApi() {
    }

    private static Entry property(List<String> names, String... help) {
        return new Entry(Kind.PROPERTY, names, List.of(help));
    }

    private static Entry function(List<String> names, String... help) {
        return new Entry(Kind.FUNCTION, names, List.of(help));
    }

    /** Every name of the kinds given, in declaration order. */
    static List<String> names(Kind... kinds) {
        List<String> out = new ArrayList<>();
        for (Entry e : ENTRIES) {
            if (List.of(kinds).contains(e.kind())) {
                out.addAll(e.names());
            }
        }
        return out;
    }

    /** The API part of {@code help groovy}. */
    static List<String> helpLines() {
        List<String> out = new ArrayList<>();
        for (Entry e : ENTRIES) {
            out.addAll(e.help());
        }
        return out;
    }
}
