package org.jsetkey.engine.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Datagrams the kernel threw away because a UDP socket's receive buffer was full: the last
 * column ({@code drops}) of the socket's line in Linux's {@code /proc/net/udp}. -1 where the
 * file or the socket's line is not there (another system), so such a loss stays unexplained.
 */
final class SocketDrops {
    private SocketDrops() {
    }

    static long of(InetSocketAddress local) {
        String port = String.format(":%04X", local.getPort());
        for (String file : List.of("/proc/net/udp", "/proc/net/udp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 12 && f[1].endsWith(port)) {
                        return Long.parseLong(f[f.length - 1]);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux, or a line we cannot read: unknown
            }
        }
        return -1;
    }
}
