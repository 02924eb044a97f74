package org.jsetkey.engine.setkey;

/** One position in a statement: a name for messages, its kind, whether it may be left out, one line of help. */
public record Slot(String name, SlotKind kind, boolean optional, String help) {
}
