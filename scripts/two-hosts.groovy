// The FreeBSD IPsec how-to test in one JVM: phoenix (192.0.2.10) and cardinal (198.51.100.20)
// on free loopback ports, AH hmac-md5 over ESP blowfish-cbc in transport mode, loaded from
// the hosts' ipsec.conf profiles. Usage: jsetkey --script scripts/two-hosts.groovy [COUNT]
def count = args ? args[0] as int : 5

def cardinal = newHost(name: 'cardinal', addr: '198.51.100.20')
def phoenix = newHost(name: 'phoenix', addr: '192.0.2.10', peer: cardinal)
phoenix.setkey(new File(scriptDir, 'phoenix/ipsec.conf'))
cardinal.setkey(new File(scriptDir, 'cardinal/ipsec.conf'))
[phoenix, cardinal].each { it.sysctl['net.inet.ipsec.esp_trans_deflev'] = 1 }

def result
def packets = phoenix.capture(count: 2 * count, timeout: 10, during: {
    result = phoenix.ping('198.51.100.20', count: count, interval: 0.05)
})
packets.each { println it.text }

assert result.sent == count
assert result.received == count
assert packets.size() == 2 * count
// every packet on the wire: IP | AH | ESP, the ICMP inside only after decryption
assert packets.every { it.proto == 'ah' && it.layers == ['AH', 'ESP'] }
assert packets.every { it.inner.proto == 'icmp' && it.inner.layers.isEmpty() }

def requests = packets.findAll { it.direction == 'out' }
def replies = packets.findAll { it.direction == 'in' }
assert requests*.spi.unique() == [15700L]
assert replies*.spi.unique() == [24500L]
assert requests*.seq == (1L..count).toList()
assert replies*.src.unique() == ['198.51.100.20']

// both hosts counted the same traffic
assert phoenix.sad.find { it.proto == 'esp' && it.spi == 15701 }.seq == count
assert cardinal.sad.find { it.proto == 'ah' && it.spi == 24500 }.seq == count
println "two-hosts: ${result.received}/${result.sent} pings crossed as AH over ESP"
