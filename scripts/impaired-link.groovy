// A network's faults on the link, as Linux netem makes them, and what IPsec makes of them.
// phoenix impairs what it sends cardinal (cardinal's side stays clean): duplicates without and
// with an anti-replay window, loss, and a bit flipped in transit. Every run is the same: seeded.
// Usage: jsetkey --script scripts/impaired-link.groovy
def cardinal = newHost(name: 'cardinal', addr: '198.51.100.20')
def phoenix = newHost(name: 'phoenix', addr: '192.0.2.10', peer: cardinal)
def key = '0x' + '42' * 20
def keys = { replay ->
    def sas = """flush; spdflush;
        add 192.0.2.10 198.51.100.20 esp 0x1001 $replay -E aes-gcm-16 $key;
        add 198.51.100.20 192.0.2.10 esp 0x1002 $replay -E aes-gcm-16 $key;"""
    phoenix.setkey(sas + """
        spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//require;
        spdadd 198.51.100.20 192.0.2.10 any -P in ipsec esp/transport//require;""")
    cardinal.setkey(sas + """
        spdadd 198.51.100.20 192.0.2.10 any -P out ipsec esp/transport//require;
        spdadd 192.0.2.10 198.51.100.20 any -P in ipsec esp/transport//require;""")
}
def replays = { (cardinal.netstat('esp') =~ /(\d+) possible replay/)[0][1] as long }

println '== 1. duplicate 50%, SAs without -r (setkey\'s default: no replay check): ping prints DUP!'
keys('')
println phoenix.link.impair(duplicate: 50, seed: 1)
def dup = phoenix.ping('198.51.100.20', count: 10, interval: 0.05, wait: 1)
assert dup.received == 10 && dup.duplicates > 0

println '\n== 2. the same with -r 32 (a 256-packet window): cardinal refuses every copy as a replay'
keys('-r 32')
def before = replays()
println phoenix.link.impair(duplicate: 50, seed: 1)
def win = phoenix.ping('198.51.100.20', count: 10, interval: 0.05, wait: 1)
assert win.received == 10 && win.duplicates == 0
def copies = phoenix.link.impaired.cardinal.duplicated
assert phoenix.waitFor(5) { replays() - before == copies }
println "cardinal: ${replays() - before} possible replay packets detected, as many as phoenix duplicated ($copies)"

println '\n== 3. loss 20%: ping counts what the link lost'
println phoenix.link.impair(loss: 20, seed: 1)
def lossy = phoenix.ping('198.51.100.20', count: 50, interval: 0.02, wait: 1, quiet: true)
def lost = phoenix.link.impaired.cardinal.lost
assert lossy.sent - lossy.received == lost
println "phoenix's link: ${phoenix.link.impaired.cardinal.format()}"

println '\n== 4. corrupt 30%: a bit flipped in transit is damage, not a key mismatch'
def drops = [].asSynchronized()
cardinal.on('drop') { e -> drops << e }
println phoenix.link.impair(corrupt: 30, seed: 4)
phoenix.ping('198.51.100.20', count: 20, interval: 0.02, wait: 1, quiet: true)
def damaged = phoenix.link.impaired.cardinal.corrupted
assert phoenix.waitFor(5) { drops.size() + cardinal.link.malformedDatagrams >= damaged }
println "cardinal dropped ${drops.size()}: ${drops.countBy { it.reason }}; the first said:\n  ${drops[0]?.explanation}"
println "cardinal's link refused ${cardinal.link.malformedDatagrams} as malformed (a flip in the IPv4 header breaks its checksum)"
assert drops.every { it.reason != 'AUTH_FAILED' || it.explanation.contains('damaged in transit') }

println phoenix.link.impair('off')
println "impaired-link: ${dup.duplicates} DUP! without a window, none with -r 32 ($copies replays); " +
        "$lost of 50 lost; $damaged corrupted, each dropped with its reason"
