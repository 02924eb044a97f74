// phoenix's half of the two-terminal how-to test (cardinal runs scripts/cardinal.groovy).
// Loads phoenix's SAs and policies, waits until cardinal answers, pings it COUNT times and
// checks that every packet crossed as AH over ESP.
// Usage: jsetkey --script scripts/phoenix.groovy [LISTEN_PORT PEER_PORT COUNT TIMEOUT_S]
// The default ports are those of scripts/phoenix/rc.conf and scripts/cardinal/rc.conf.
def listen = args.size() > 0 ? args[0] : '7101'
def peer = args.size() > 1 ? args[1] : '7102'
def count = args.size() > 2 ? args[2] as int : 5
def timeout = args.size() > 3 ? args[3] as int : 60

def phoenix = newHost(name: 'phoenix', addr: '192.0.2.10', listen: "127.0.0.1:$listen",
        peer: "127.0.0.1:$peer")
phoenix.setkey(new File(scriptDir, 'phoenix/ipsec.conf'))
println "phoenix: listening on ${phoenix.link.local}, waiting for cardinal on port $peer"

// small probes (16 bytes) until cardinal is up and keyed; they do not count as the test's pings
def up = phoenix.waitFor(timeout) {
    phoenix.ping('198.51.100.20', size: 16, wait: 0.5, quiet: true).received == 1
}
assert up : "cardinal did not answer within ${timeout}s"

def result
def packets = phoenix.capture(count: 2 * count, timeout: 10, during: {
    result = phoenix.ping('198.51.100.20', count: count, interval: 0.1)
})
assert result.received == count
assert packets.size() == 2 * count
assert packets.every { it.layers == ['AH', 'ESP'] && it.inner.proto == 'icmp' }
assert packets.findAll { it.direction == 'out' }*.spi.unique() == [15700L]
assert packets.findAll { it.direction == 'in' }*.spi.unique() == [24500L]
println "phoenix: $count pings answered by cardinal, all AH over ESP"
