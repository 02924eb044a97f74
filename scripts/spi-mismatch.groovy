// Diagnosing a wrong SPI: phoenix sends ESP with SPI 15701 but cardinal was keyed with 15702.
// cardinal drops every packet and explains which SAs it does hold for that peer.
// Usage: jsetkey --script scripts/spi-mismatch.groovy
def cardinal = newHost(name: 'cardinal', addr: '198.51.100.20')
def phoenix = newHost(name: 'phoenix', addr: '192.0.2.10', peer: cardinal)
def key = '"0123456789abcdef"'
phoenix.setkey("""
    add 192.0.2.10 198.51.100.20 esp 15701 -E aes-cbc $key;
    spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;""")
cardinal.setkey("""
    add 192.0.2.10 198.51.100.20 esp 15702 -E aes-cbc $key;
    spdadd 192.0.2.10 198.51.100.20 any -P in ipsec esp/transport//require;""")

def drops = [].asSynchronized()  // filled on the event thread
cardinal.on('drop') { e ->
    drops << e
    println "cardinal dropped a packet: ${e.reason}"
    println "  ${e.explanation}"
    e.details.each { println "  $it" }
}
def result = phoenix.ping('198.51.100.20', count: 2, interval: 0.1, wait: 0.5)
assert result.received == 0
assert phoenix.waitFor(5) { drops.size() == 2 }
assert drops.every { it.reason == 'UNKNOWN_SPI' }
assert drops[0].explanation.contains('15701')
assert drops[0].explanation.contains('15702')
println cardinal.netstat('esp').readLines().find { it.contains('no SA') } ?: ''
