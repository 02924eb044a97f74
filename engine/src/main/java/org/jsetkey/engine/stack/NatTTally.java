package org.jsetkey.engine.stack;

import java.util.concurrent.atomic.AtomicLong;

/** What the NAT-T datapath (RFC 3948) did: counted here because FreeBSD has no counters for it. */
public final class NatTTally {
    private final AtomicLong encapsulated = new AtomicLong();
    private final AtomicLong decapsulated = new AtomicLong();
    private final AtomicLong keepalivesSent = new AtomicLong();
    private final AtomicLong keepalivesReceived = new AtomicLong();
    private final AtomicLong nonEsp = new AtomicLong();
    private final AtomicLong portChanges = new AtomicLong();

    void encapsulated() {
        encapsulated.incrementAndGet();
    }

    void decapsulated() {
        decapsulated.incrementAndGet();
    }

    void keepaliveSent() {
        keepalivesSent.incrementAndGet();
    }

    void keepaliveReceived() {
        keepalivesReceived.incrementAndGet();
    }

    void nonEsp() {
        nonEsp.incrementAndGet();
    }

    void portChange() {
        portChanges.incrementAndGet();
    }

    /** ESP packets sent inside UDP. */
    public long encapsulatedCount() {
        return encapsulated.get();
    }

    /** ESP packets received inside UDP and taken out of it. */
    public long decapsulatedCount() {
        return decapsulated.get();
    }

    public long keepalivesSentCount() {
        return keepalivesSent.get();
    }

    /** NAT-keepalives received (and ignored, RFC 3948 §2.3). */
    public long keepalivesReceivedCount() {
        return keepalivesReceived.get();
    }

    /** Datagrams with the non-ESP marker: IKE's, handed on as plain UDP to key management. */
    public long nonEspCount() {
        return nonEsp.get();
    }

    /** Times a peer's datagram came from another port than its SA said and the SAs followed it. */
    public long portChangeCount() {
        return portChanges.get();
    }

    /** The lines {@code netstat -s -p natt} prints (zero lines left out, as netstat does). */
    public String format() {
        StringBuilder sb = new StringBuilder("natt:\n");
        line(sb, encapsulatedCount(), "ESP packet%s sent in UDP");
        line(sb, decapsulatedCount(), "ESP packet%s received in UDP");
        line(sb, keepalivesSentCount(), "NAT-keepalive%s sent");
        line(sb, keepalivesReceivedCount(), "NAT-keepalive%s received and ignored");
        line(sb, nonEspCount(), "non-ESP marker datagram%s passed to key management");
        line(sb, portChangeCount(), "peer port change%s followed");
        return sb.toString();
    }

    private static void line(StringBuilder sb, long n, String text) {
        if (n != 0) {
            sb.append('\t').append(n).append(' ').append(String.format(text, n == 1 ? "" : "s")).append('\n');
        }
    }
}
