package org.jsetkey.engine.stack;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.net.Packet;
import org.jsetkey.engine.xform.Opened;

/**
 * What one packet's trip through the input path fills in (its layers, the open's result, the
 * delivery), kept by the thread and filled again by its next packet, so a received packet makes
 * no values of its own. A packet received while another is being delivered on the same thread (an
 * echo reply to this host itself) {@link #enter}s the next frame, so it never writes over the
 * outer one.
 */
final class InputFrame {
    /** More nested IPsec layers than this is an attack, not a configuration. */
    static final int MAX_LAYERS = 8;

    private static final ThreadLocal<Frames> MINE = ThreadLocal.withInitial(Frames::new);

    /** Room for an IPComp tunnel's plain IP-in-IP behind the most layers. */
    final LayerTrail layers = new LayerTrail(MAX_LAYERS + 1);
    final Opened opened = new Opened();
    final Delivered delivered = new Delivered();
    /** The packet to send on, when the input path's verdict is {@link Received#FORWARD}. */
    Packet forward;
    private final Frames frames;

    private InputFrame(Frames frames) {
        this.frames = frames;
    }

    private static final class Frames {
        final List<InputFrame> stack = new ArrayList<>();
        int depth;
    }

    /** This thread's next free frame; {@link #exit} it when the packet's trip is over. */
    static InputFrame enter() {
        Frames f = MINE.get();
        if (f.depth == f.stack.size()) {
            f.stack.add(new InputFrame(f));
        }
        InputFrame frame = f.stack.get(f.depth++);
        frame.layers.clear();
        frame.forward = null;
        return frame;
    }

    void exit() {
        frames.depth--;
    }
}
