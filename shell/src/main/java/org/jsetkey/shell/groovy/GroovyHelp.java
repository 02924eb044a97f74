package org.jsetkey.shell.groovy;

/** The text of {@code help groovy}: the scripting API. */
final class GroovyHelp {
    static final String TEXT = String.join("\n",
            "Evaluates Groovy EXPR and prints its value; without EXPR enters the Groovy mode",
            "(prompt groovy>, Tab completes names, exit returns). Variables assigned without",
            "'def' persist. Scripts: run FILE.groovy [ARGS], or jsetkey --script FILE.groovy [ARGS].",
            "The binding (every call also works on a host: h.ping(...), h.setkey(...), ...):",
            "  host                      this console's live host (host.engine: the engine Host)",
            "  sad, spd                  SAs / policies as lists (src, dst, proto, spi, mode, state,",
            "                            enc, auth, seq / direction, action, rules, ...)",
            "  sysctl['name'] = 2        read or set a knob; sysctl('name=value') runs sysctl",
            "  link                      local, port, peers (null without --listen)",
            "  link.impair(loss: 5, seed: 1)  netem faults on what this host sends ('off' clears); link.impaired",
            "  args, scriptFile, scriptDir   script arguments and location",
            "  setkey('...')             runs statements, returns what they print; throws with",
            "                            FILE:LINE:COL and a caret on error; setkey(file) too",
            "  dump(), dump('esp'), spddump()   the text setkey -D / -DP print",
            "  netstat('esp')            netstat -s -p esp text",
            "  ping(dest, count: 1, interval: 1, size: 56, wait: 10, quiet: false)",
            "                            -> sent, received, duplicates, loss, rtts (ms), replies",
            "  capture(count: 10, timeout: 5, during: { ... }, direction: 'in') { pkt -> ... }",
            "                            -> list of packets: src, dst, proto ('esp','ah','icmp',...),",
            "                            spi, seq, length, layers (['AH','ESP']), text (tcpdump -n),",
            "                            direction, inner (decrypted packet), innerFailure,",
            "                            picture / picture(width) (the 'picture' text), svg",
            "  on('acquire'|'expire'|'add'|'update'|'delete'|'flush'|'spdadd'|'spdupdate'|",
            "     'spddelete'|'spdflush'|'drop'|'packet') { event -> ... }",
            "                            events are maps (type, src, dst, proto, spi, reason,",
            "                            explanation, ...); 'packet' gets a packet; returns a",
            "                            handle with cancel(). Callbacks run on one event thread.",
            "  peerCheck(), peerCheck('cardinal')",
            "                            compares SAD and SPD with the peers (as 'peer check'):",
            "                            ok, text, peers (peer, name, ok, problem, rows: ok, text, fix)",
            "  waitFor(seconds) { cond } polls cond until true or timeout; returns true/false",
            "  newHost(name: 'b', addr: '198.51.100.20', listen: 0, peer: otherHostOr'127.0.0.1:7102')",
            "                            another host in this JVM with the same API",
            "  sleep(ms), println(x)     as in Groovy");

    private GroovyHelp() {
    }
}
