package org.jsetkey.shell.groovy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsetkey.shell.Main;

/** Runs the program in this JVM (Main.run) with piped input, capturing both outputs. */
record ScriptRun(int status, String out, String err) {

    static ScriptRun main(String stdin, String... args) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Method run = Main.class.getDeclaredMethod("run", String[].class, java.io.InputStream.class,
                PrintStream.class, PrintStream.class, boolean.class);
        run.setAccessible(true);
        int status = (Integer) run.invoke(null, args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                false);
        return new ScriptRun(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** The project's scripts/ directory (tests run in shell/). */
    static Path scriptsDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scripts/two-hosts.groovy"))) {
                return p.resolve("scripts");
            }
        }
        throw new IllegalStateException("no scripts/ directory above " + here);
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
