package org.jsetkey.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The steady path allocates nothing of its own: a warm one-way ESP flood with the null cipher
 * (no cipher or MAC that allocates inside the JDK) makes no object per packet on the sending
 * thread, from {@code Host.send} to the socket, nor on the receiving thread, from the socket
 * through the open, the inbound policy and the delivery.
 */
class FloodAllocationTest {
    private static final String NULL_SAS = "add 192.0.2.10 198.51.100.20 esp 0x2001 -E null;\n"
            + "add 198.51.100.20 192.0.2.10 esp 0x2002 -E null;\n";
    private static final int WINDOWS = 300;
    /** Rounds of {@value #WINDOWS} windows until both threads are compiled; each takes well under a second. */
    private static final int MAX_ROUNDS = 40;

    @Test
    void aWarmNullCipherFloodMakesNoObjectPerPacketOnEitherThread() throws Exception {
        try (LinkPair pair = new LinkPair(NULL_SAS)) {
            byte[] packet = LinkPair.udpPacket(BenchSa.SRC, BenchSa.DST, 1400);
            FloodAllocation.PerPacket made = null;
            // a thread still running interpreted or lightly compiled code allocates what the JIT
            // later removes: measure round after round (bounded) until it is warm
            for (int round = 0; round < MAX_ROUNDS; round++) {
                made = FloodAllocation.measure(pair, packet, WINDOWS);
                if (made.sending() < 1 && made.receiving() < 1) {
                    break;
                }
            }
            assertTrue(made.sending() < 1, "the sending thread allocates " + made.sending() + " bytes per packet");
            assertTrue(made.receiving() < 1, "the receiving thread allocates " + made.receiving() + " bytes per packet");
            assertEquals(0, pair.losses(), pair.firstDrops());
        }
    }
}
