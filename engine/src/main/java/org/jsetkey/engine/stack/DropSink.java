package org.jsetkey.engine.stack;

import java.util.List;

import org.jsetkey.engine.sad.SaType;
import org.jsetkey.engine.stats.DropReason;

/** Where the datapath reports a packet it dropped, with the words that explain why. */
@FunctionalInterface
interface DropSink {
    /** @param type the IPsec protocol involved, or null (picks the per-protocol counter) */
    void drop(DropReason reason, boolean v6, SaType type, String explanation, List<String> details);
}
