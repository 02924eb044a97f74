// A tiny key manager: policies demand ESP (level require) but no SA exists. Each ACQUIRE the
// engine raises is answered by installing a fresh pair of SAs (random SPIs >= 256, random
// aes-cbc and hmac-sha2-256 keys) on both hosts, as racoon would after negotiating.
// Usage: jsetkey --script scripts/keymanager.groovy
import java.security.SecureRandom

def rnd = new SecureRandom()
def hex = { int bytes -> (1..bytes).collect { String.format('%02x', rnd.nextInt(256)) }.join() }
def spi = { 256 + rnd.nextInt(0x7fffff00) }

def cardinal = newHost(name: 'cardinal', addr: '198.51.100.20')
def phoenix = newHost(name: 'phoenix', addr: '192.0.2.10', peer: cardinal)
def policies = { a, b ->
    """spdflush;
       spdadd $a $b any -P out ipsec esp/transport//require;
       spdadd $b $a any -P in ipsec esp/transport//require;"""
}
phoenix.setkey(policies('192.0.2.10', '198.51.100.20'))
cardinal.setkey(policies('198.51.100.20', '192.0.2.10'))

def installed = [].asSynchronized()  // filled on the event thread
[phoenix, cardinal].each { h ->
    h.on('acquire') { e ->
        if (phoenix.sad.any { it.src == e.src && it.dst == e.dst && it.proto == e.proto }) {
            return
        }
        def out = spi(), back = spi()
        def sas = """add ${e.src} ${e.dst} esp $out -E aes-cbc 0x${hex(16)} -A hmac-sha2-256 0x${hex(32)};
                     add ${e.dst} ${e.src} esp $back -E aes-cbc 0x${hex(16)} -A hmac-sha2-256 0x${hex(32)};"""
        phoenix.setkey(sas)
        cardinal.setkey(sas)
        installed << [out, back]
        println "keymanager: ACQUIRE from ${h.name} for ${e.src} > ${e.dst} ${e.proto}: installed SPIs $out and $back"
    }
}

// the first packet finds no SA: it is dropped and raises ACQUIRE
def first = phoenix.ping('198.51.100.20', wait: 0.5)
assert first.received == 0
assert phoenix.waitFor(5) { phoenix.sad.size() == 2 && cardinal.sad.size() == 2 }

def result
def packets = phoenix.capture(count: 10, timeout: 10, during: {
    result = phoenix.ping('198.51.100.20', count: 5, interval: 0.05)
})
assert result.received == 5
assert installed.size() == 1
def (out, back) = installed[0]
assert out >= 256 && back >= 256 && out != back
assert packets.every { it.proto == 'esp' && it.inner.proto == 'icmp' }
assert packets.findAll { it.direction == 'out' }*.spi.unique() == [out as long]
assert packets.findAll { it.direction == 'in' }*.spi.unique() == [back as long]
println phoenix.dump()
println "keymanager: 5/5 pings passed on keys nobody typed"
