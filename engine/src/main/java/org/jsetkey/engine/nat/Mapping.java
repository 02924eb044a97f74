package org.jsetkey.engine.nat;

import org.jsetkey.engine.net.IpAddress;

/**
 * One translation the NAT holds: the inside endpoint, the outside one it stands for, the remote
 * end. Ports are the ICMP echo id for ICMP and 0 for a protocol without ports.
 */
public final class Mapping {
    private final int protocol;
    private final IpAddress inside;
    private final int insidePort;
    private final IpAddress outside;
    private final int outsidePort;
    private final IpAddress remote;
    private final int remotePort;
    private final long createdMillis;
    private long lastUsedMillis;
    private long packetsOut;
    private long packetsIn;

    Mapping(int protocol, IpAddress inside, int insidePort, IpAddress outside, int outsidePort, IpAddress remote,
            int remotePort, long now) {
        this.protocol = protocol;
        this.inside = inside;
        this.insidePort = insidePort;
        this.outside = outside;
        this.outsidePort = outsidePort;
        this.remote = remote;
        this.remotePort = remotePort;
        this.createdMillis = now;
        this.lastUsedMillis = now;
    }

    public int protocol() {
        return protocol;
    }

    public IpAddress inside() {
        return inside;
    }

    public int insidePort() {
        return insidePort;
    }

    public IpAddress outside() {
        return outside;
    }

    public int outsidePort() {
        return outsidePort;
    }

    public IpAddress remote() {
        return remote;
    }

    public int remotePort() {
        return remotePort;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public synchronized long lastUsedMillis() {
        return lastUsedMillis;
    }

    public synchronized long packetsOut() {
        return packetsOut;
    }

    public synchronized long packetsIn() {
        return packetsIn;
    }

    synchronized void usedOut(long now) {
        lastUsedMillis = now;
        packetsOut++;
    }

    synchronized void usedIn(long now) {
        lastUsedMillis = now;
        packetsIn++;
    }
}
