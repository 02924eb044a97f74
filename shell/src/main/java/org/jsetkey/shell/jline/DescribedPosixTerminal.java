package org.jsetkey.shell.jline;

import java.io.IOException;
import java.nio.charset.Charset;

import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.SystemStream;
import org.jline.utils.InfoCmp;
import org.jline.utils.Log;

/**
 * The system terminal as JLine's builder makes it with its native provider on Linux (the
 * provider's pty on standard output, its signals, the encodings the builder computes), with the
 * description {@code infocmp -x TYPE} prints for the type, as JLine asks for it, read through
 * {@link TerminalDescription} instead of JLine's slow first parse.
 */
final class DescribedPosixTerminal extends PosixSysTerminal {
    private DescribedPosixTerminal(String name, String type, JniTerminalProvider provider, Charset encoding,
                                   Charset inputEncoding, Charset outputEncoding) throws IOException {
        super(name, type, provider.current(SystemStream.Output), encoding, inputEncoding, outputEncoding, true,
                SignalHandler.SIG_DFL);
    }

    /** The terminal {@code builder} would build of type {@code type} with {@code provider}, as it calls it. */
    static PosixSysTerminal of(String name, String type, JniTerminalProvider provider, TerminalBuilder builder)
            throws IOException {
        return new DescribedPosixTerminal(name, type, provider, builder.computeEncoding(),
                builder.computeStdinEncoding(), builder.computeStdoutEncoding());
    }

    /** Called by the constructor: what JLine's own does, with the fast reading. */
    @Override
    protected void parseInfoCmp() {
        String description = null;
        try {
            description = InfoCmp.getInfoCmp(type);
        } catch (Exception e) {
            Log.warn("Unable to retrieve infocmp for type " + type, e);
        }
        TerminalDescription.parse(description, bools, ints, strings);
    }
}
