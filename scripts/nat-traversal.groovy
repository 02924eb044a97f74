// NAT traversal in one JVM: phoenix (10.0.1.10) behind a port-translating NAT on the router
// (router/pf.nat.conf: nat on lnk0 from 10.0.1.0/24 to any -> 203.0.113.1), cardinal
// (198.51.100.20) outside. The three cases in order, with the SAs of phoenix/nat-*.conf and
// cardinal/nat-*.conf: AH fails (the NAT rewrites the address AH authenticates), plain ESP fails
// (no ports to translate), ESP in UDP 4500 works. Exits non-zero if any outcome differs.
// Usage: jsetkey --script scripts/nat-traversal.groovy [COUNT]
def count = args ? args[0] as int : 3

def phoenix = newHost(name: 'phoenix', addr: '10.0.1.10')
def router = newHost(name: 'router', addr: ['10.0.1.1', '203.0.113.1'])
def cardinal = newHost(name: 'cardinal', addr: '198.51.100.20')
phoenix.addPeer("${router.link.local}=0.0.0.0/0")
router.addPeer("${phoenix.link.local}=10.0.1.0/24")
router.addPeer("${cardinal.link.local}=198.51.100.0/24")
cardinal.addPeer("${router.link.local}=203.0.113.0/24")
router.sysctl['net.inet.ip.forwarding'] = 1
new File(scriptDir, 'router/pf.nat.conf').readLines().findAll { it.startsWith('nat ') }.each { router.nat(it) }

def drops = [router: [].asSynchronized(), cardinal: [].asSynchronized()]
router.on('drop') { e -> drops.router << e }
cardinal.on('drop') { e -> drops.cardinal << e }
def sources = [].asSynchronized()
cardinal.on('packet') { p -> if (p.direction == 'in') sources << p.src }

def failures = []
def check = { String name, boolean ok, String what ->
    println "nat-traversal: ${name}: ${ok ? 'as expected' : 'UNEXPECTED'}: $what"
    if (!ok) failures << name
}
def round = { String name ->
    phoenix.setkey(new File(scriptDir, "phoenix/nat-${name}.conf"))
    cardinal.setkey(new File(scriptDir, "cardinal/nat-${name}.conf"))
    drops.values()*.clear()
    sources.clear()
    phoenix.ping('198.51.100.20', count: count, interval: 0.05, wait: 1, quiet: true)
}

def ah = round('ah')
phoenix.waitFor(5) { drops.cardinal.size() >= count }
def ahDrop = drops.cardinal.find { it.reason == 'AUTH_FAILED' }
check('AH', ah.received == 0 && ahDrop?.explanation?.contains('a NAT rewrote it'),
        "${ah.received}/${ah.sent} pings; cardinal: ${ahDrop?.explanation}")

def esp = round('esp')
phoenix.waitFor(5) { drops.router.size() >= count }
def espDrop = drops.router.find { it.reason == 'NAT_UNTRANSLATABLE' }
check('ESP', esp.received == 0 && espDrop?.explanation?.contains('ESP has no ports to translate'),
        "${esp.received}/${esp.sent} pings; router: ${espDrop?.explanation}")

def natt = round('natt')
check('NAT-T', natt.received == count && sources.unique() == ['203.0.113.1'],
        "${natt.received}/${natt.sent} pings; cardinal saw them from ${sources.unique().join(', ')}")
println router.nat()

assert failures.isEmpty() : "outcomes differ: ${failures.join(', ')}"
println "nat-traversal: AH fails, ESP fails, NAT-T works"
