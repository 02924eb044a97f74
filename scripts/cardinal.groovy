// cardinal's half of the two-terminal how-to test (phoenix runs scripts/phoenix.groovy).
// Loads cardinal's SAs and policies, answers phoenix's pings, and exits 0 once it has sent
// COUNT protected replies to phoenix's 56-byte pings.
// Usage: jsetkey --script scripts/cardinal.groovy [LISTEN_PORT PEER_PORT COUNT TIMEOUT_S]
// The default ports are those of scripts/phoenix/rc.conf and scripts/cardinal/rc.conf.
def listen = args.size() > 0 ? args[0] : '7102'
def peer = args.size() > 1 ? args[1] : '7101'
def count = args.size() > 2 ? args[2] as int : 5
def timeout = args.size() > 3 ? args[3] as int : 60

def cardinal = newHost(name: 'cardinal', addr: '198.51.100.20', listen: "127.0.0.1:$listen",
        peer: "127.0.0.1:$peer")
cardinal.setkey(new File(scriptDir, 'cardinal/ipsec.conf'))
println "cardinal: listening on ${cardinal.link.local}, waiting for $count pings from phoenix"

// a reply to a 56-byte ping carries an 84-byte IPv4 packet inside AH and ESP
def answered = new java.util.concurrent.atomic.AtomicInteger()
cardinal.on('packet') { p ->
    if (p.direction == 'out' && p.layers == ['AH', 'ESP'] && p.inner.proto == 'icmp' && p.inner.length == 84) {
        println "cardinal: ${p.text}"
        answered.incrementAndGet()
    }
}
assert cardinal.waitFor(timeout) { answered.get() >= count }
assert cardinal.sad.find { it.proto == 'esp' && it.spi == 24501 }.seq >= count
println "cardinal: answered $count pings as AH over ESP"
