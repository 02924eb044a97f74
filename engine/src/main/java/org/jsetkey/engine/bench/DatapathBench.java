package org.jsetkey.engine.bench;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.xform.Xform;

/**
 * Part 1, datapath: ESP/AH seal+open of a 1400-byte packet per suite against the bare cipher and
 * MAC on the same bytes with a per-packet IV (the limit), interleaved in one run. Then, for
 * aes-gcm-16 and aes-cbc + hmac-sha2-256, the bytes one seal+open allocates, beside the limit's.
 */
public final class DatapathBench implements BenchPart {
    public static final int PACKET = 1400;
    private static final double TARGET = 0.85;
    private static final String SA = "add 192.0.2.10 198.51.100.20 ";
    private static final int ALLOCATION_CALLS = 20_000;
    /** The suites whose allocation is shown (the AEAD and one cipher+HMAC). */
    private static final List<String> ALLOCATING = List.of("esp aes-gcm-16", "esp aes-cbc + hmac-sha2-256");
    private final Interleaved.Timing timing;

    public DatapathBench() {
        this(Interleaved.Timing.CPU);
    }

    /** @param timing slices and warm-up bounds (tests use short ones) */
    public DatapathBench(Interleaved.Timing timing) {
        this.timing = timing;
    }

    /** A suite: its row name, the statement making its SA, the limit and what the limit is. */
    record Suite(String name, String add, Interleaved.Op limit, String limitName) {
    }

    @Override
    public String name() {
        return "datapath";
    }

    @Override
    public String description() {
        return "ESP/AH seal+open of " + PACKET + "-byte packets against the bare cipher+MAC (the limit)";
    }

    static List<Suite> suites() throws Exception {
        int ipPayload = PACKET - 20;
        List<Suite> s = new ArrayList<>();
        s.add(new Suite("esp aes-gcm-16", SA + "esp 0x1000 -E aes-gcm-16 " + BenchSa.hexKey(20) + ";",
                BareCrypto.aead("AES/GCM/NoPadding", "AES", 16, padded(ipPayload, 4)), "JCE AES/GCM"));
        s.add(new Suite("esp aes-cbc + hmac-sha2-256", SA + "esp 0x1000 -E aes-cbc " + BenchSa.hexKey(16)
                + " -A hmac-sha2-256 " + BenchSa.hexKey(32) + ";",
                BareCrypto.aesThenMac(true, 16, "HmacSHA256", 32, 16, padded(ipPayload, 16)), "JCE AES/CBC+HmacSHA256"));
        s.add(new Suite("esp aes-ctr + hmac-sha1", SA + "esp 0x1000 -E aes-ctr " + BenchSa.hexKey(20)
                + " -A hmac-sha1 " + BenchSa.hexKey(20) + ";",
                BareCrypto.aesThenMac(false, 16, "HmacSHA1", 20, 12, padded(ipPayload, 4)), "JCE AES/CTR+HmacSHA1"));
        s.add(new Suite("esp chacha20-poly1305", SA + "esp 0x1000 -E chacha20-poly1305 " + BenchSa.hexKey(36) + ";",
                BareCrypto.aead("ChaCha20-Poly1305", "ChaCha20", 32, padded(ipPayload, 4)), "JCE ChaCha20-Poly1305"));
        s.add(new Suite("esp blowfish-cbc + hmac-md5", SA + "esp 0x1000 -E blowfish-cbc " + BenchSa.hexKey(16)
                + " -A hmac-md5 " + BenchSa.hexKey(16) + ";",
                BareCrypto.bcCbcThenMac(new BlowfishEngine(), new BlowfishEngine(), 16, "HmacMD5", 16, 12,
                        padded(ipPayload, 8)), "BC Blowfish/CBC+HmacMD5"));
        s.add(new Suite("ah hmac-sha1", SA + "ah 0x1000 -A hmac-sha1 " + BenchSa.hexKey(20) + ";",
                BareCrypto.mac("HmacSHA1", 20, 12, PACKET + 24), "JCE HmacSHA1"));
        return s;
    }

    /** ESP's payload length: data, padding to the block, pad length and next header. */
    static int padded(int data, int block) {
        return data + 2 + (block - (data + 2) % block) % block;
    }

    private static String bytes(double perCall) {
        return Double.isNaN(perCall) ? "?" : String.format(java.util.Locale.ROOT, "%.0f B", perCall);
    }

    @Override
    public List<BenchRow> run(BenchRun run) throws Exception {
        List<Suite> suites = suites();
        byte[] packet = BenchSa.packet(PACKET);
        Xform xform = new Xform();
        List<Interleaved.Case> cases = new ArrayList<>();
        for (Suite s : suites) {
            SaEntry sealer = BenchSa.load(s.add());
            SaEntry opener = BenchSa.load(s.add());
            // the datapath's form: a packet sealed in place and opened into a second reused buffer;
            // the opened packet is the next one sealed, so no copy is made that the link would not make
            Packet[] buffers = {new Packet(PACKET), new Packet(PACKET)};
            buffers[0].load(packet, 0, packet.length);
            int[] turn = {0};
            Interleaved.Op op = () -> {
                Packet sealed = buffers[turn[0]];
                turn[0] ^= 1;
                xform.seal(sealed, sealer, SaMode.TRANSPORT, null, null);
                xform.open(sealed, opener, buffers[turn[0]]);
            };
            op.run();
            if (!java.util.Arrays.equals(buffers[1].toByteArray(), packet)) {
                throw new IllegalStateException(s.name() + ": the opened packet differs from the sealed one");
            }
            op.run();
            if (!java.util.Arrays.equals(buffers[0].toByteArray(), packet)) {
                throw new IllegalStateException(s.name() + ": the packet sealed again opens to something else");
            }
            cases.add(new Interleaved.Case(s.name(), op));
            cases.add(new Interleaved.Case(s.limitName(), s.limit()));
        }
        Interleaved.Rates rates = Interleaved.measure(cases, run, timing);
        List<BenchRow> rows = new ArrayList<>();
        for (int i = 0; i < suites.size(); i++) {
            int esp = 2 * i;
            int limit = esp + 1;
            rows.add(BenchRow.atLeast(suites.get(i).name() + " seal+open",
                    BenchRow.count(rates.median(esp)) + " pkt/s",
                    BenchRow.count(rates.median(limit)) + " pkt/s " + suites.get(i).limitName(),
                    rates.medianRatio(esp, limit), TARGET));
        }
        for (int i = 0; i < suites.size(); i++) {
            if (ALLOCATING.contains(suites.get(i).name())) {
                double esp = Allocation.perCall(cases.get(2 * i).op(), ALLOCATION_CALLS);
                double limit = Allocation.perCall(cases.get(2 * i + 1).op(), ALLOCATION_CALLS);
                rows.add(BenchRow.info(suites.get(i).name() + " bytes allocated per seal+open", bytes(esp),
                        bytes(limit) + " " + suites.get(i).limitName(), esp / limit));
            }
        }
        return rows;
    }
}
