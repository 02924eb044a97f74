package org.jsetkey.shell.jline;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;

import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.DumbTerminalProvider;
import org.jline.terminal.spi.SystemStream;

/**
 * The system's dumb terminal as JLine's builder makes it for {@code TERM=dumb} (its dumb
 * provider on standard input and output, the encodings the builder computes), described by the
 * description JLine carries for the type (what {@code infocmp -x dumb} prints) read through
 * {@link TerminalDescription}: no {@code infocmp} process, and not JLine's slow first parse.
 */
final class DescribedDumbTerminal extends DumbTerminal {
    private DescribedDumbTerminal(String name, String type, Charset encoding, Charset inputEncoding,
                                  Charset outputEncoding) throws IOException {
        super(new DumbTerminalProvider(), SystemStream.Output, name, type, new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out), encoding, inputEncoding, outputEncoding,
                SignalHandler.SIG_DFL);
    }

    /** The dumb system terminal {@code builder} would build, its type as the builder's dumb fallback picks it. */
    static DumbTerminal of(String name, TerminalBuilder builder) throws IOException {
        String type = Boolean.getBoolean(TerminalBuilder.PROP_DUMB_COLOR) ? TYPE_DUMB_COLOR : TYPE_DUMB;
        return new DescribedDumbTerminal(name, type, builder.computeEncoding(), builder.computeStdinEncoding(),
                builder.computeStdoutEncoding());
    }

    /** Called by the constructor: the type's own description, read the fast way. */
    @Override
    protected void parseInfoCmp() {
        TerminalDescription.parse(TerminalDescription.bundled(type), bools, ints, strings);
    }
}
