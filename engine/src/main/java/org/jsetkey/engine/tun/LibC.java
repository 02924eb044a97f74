package org.jsetkey.engine.tun;

import java.nio.ByteBuffer;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * The few Linux C library calls a TUN device needs, bound once with JNA's direct mapping (the
 * JDK 17 has no way to issue an ioctl). Each call throws {@link LastErrorException} with errno.
 */
final class LibC {
    static final int O_RDWR = 2;
    static final int O_CLOEXEC = 0x80000;
    static final short POLLIN = 0x1;
    static final int EINTR = 4;
    static final int EAGAIN = 11;

    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    static native int open(String path, int flags) throws LastErrorException;

    static native int ioctl(int fd, NativeLong request, byte[] argument) throws LastErrorException;

    static native NativeLong read(int fd, ByteBuffer buffer, NativeLong count) throws LastErrorException;

    static native NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    static native int poll(ByteBuffer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    static native int pipe(int[] fds) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
