package org.jsetkey.engine.sysctl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

import org.jsetkey.engine.sysctl.SysctlRefusal.Kind;

/**
 * A host's kernel knobs. The set of knobs is fixed at construction and kept in
 * registration (OID) order; values are safe to read from the datapath while the console
 * or a script sets them.
 */
public final class Sysctl {
    private final Map<String, Knob> knobs;
    private final Map<String, String> storageOf;
    private final Map<String, String> nodeDescriptions;
    private final ConcurrentHashMap<String, Object> values = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Counts sets and resets: a {@link #reader} reads a knob again only when it moved. */
    private volatile int version;

    /** FreeBSD's knobs with their defaults. */
    public Sysctl() {
        this(FreeBsdKnobs.knobs(), FreeBsdKnobs.aliases(), FreeBsdKnobs.nodes());
    }

    /**
     * @param aliases          knob name → name of the knob whose value it shares
     * @param nodeDescriptions interior node name → its {@code -d} text
     */
    public Sysctl(List<Knob> knobs, Map<String, String> aliases, Map<String, String> nodeDescriptions) {
        Map<String, Knob> byName = new LinkedHashMap<>();
        for (Knob k : knobs) {
            if (byName.put(k.name(), k) != null) {
                throw new IllegalArgumentException("duplicate knob: " + k.name());
            }
        }
        Map<String, String> storage = new HashMap<>();
        for (Knob k : knobs) {
            String target = aliases.getOrDefault(k.name(), k.name());
            Knob owner = byName.get(target);
            if (owner == null || owner.type() != k.type()) {
                throw new IllegalArgumentException("alias of " + k.name() + ": " + target + " (expected: a knob of the same type)");
            }
            storage.put(k.name(), target);
        }
        for (Knob k : knobs) {
            if (storage.get(k.name()).equals(k.name())) {
                values.put(k.name(), k.defaultValue());
            }
        }
        this.knobs = Collections.unmodifiableMap(byName);
        this.storageOf = Map.copyOf(storage);
        this.nodeDescriptions = Map.copyOf(nodeDescriptions);
    }

    /** Every knob, in registration order. */
    public List<Knob> knobs() {
        return List.copyOf(knobs.values());
    }

    public Optional<Knob> knob(String name) {
        return Optional.ofNullable(knobs.get(name));
    }

    /** True when {@code name} is an interior node: some knob lies below it. */
    public boolean isNode(String name) {
        for (Knob k : knobs.values()) {
            if (k.isBelow(name)) {
                return true;
            }
        }
        return false;
    }

    /** The knobs below a node, in registration order. */
    public List<Knob> below(String node) {
        List<Knob> out = new ArrayList<>();
        for (Knob k : knobs.values()) {
            if (k.isBelow(node)) {
                out.add(k);
            }
        }
        return out;
    }

    /** A node's own description; empty when none is registered. */
    public String nodeDescription(String node) {
        return nodeDescriptions.getOrDefault(node, "");
    }

    /** The current value of an integer knob. */
    public int getInt(String name) {
        Knob k = leaf(name);
        if (k.type() != KnobType.INT) {
            throw new IllegalArgumentException("knob " + name + " is a " + k.type().typeName() + ", not an integer");
        }
        return (Integer) values.get(storageOf.get(name));
    }

    /**
     * A reader of an integer knob for the datapath, which asks for knobs on every packet: it
     * looks the knob up again only after a set or reset, else it is one volatile read.
     *
     * @throws SysctlRefusal for an unknown name; IllegalArgumentException for a knob that is not an integer
     */
    public IntSupplier reader(String name) {
        getInt(name);
        return new IntSupplier() {
            private volatile long cached = ((long) (version - 1) << 32);

            @Override
            public int getAsInt() {
                long c = cached;
                int v = version;
                if ((int) (c >>> 32) == v) {
                    return (int) c;
                }
                int value = getInt(name);
                cached = ((long) v << 32) | (value & 0xffffffffL);
                return value;
            }
        };
    }

    /** The current value as sysctl prints it: decimal for integers, raw for strings. */
    public String format(String name) {
        leaf(name);
        return String.valueOf(values.get(storageOf.get(name)));
    }

    /**
     * Sets an integer knob and returns the previous value.
     *
     * @throws SysctlRefusal unknown name, a node, read-only, or a value the kernel refuses
     */
    public int setInt(String name, int value) {
        Knob k = leaf(name);
        if (k.readOnly()) {
            throw new SysctlRefusal(Kind.READ_ONLY, name, "oid '" + name + "' is read only");
        }
        if (k.type() != KnobType.INT) {
            throw new IllegalArgumentException("knob " + name + " is a " + k.type().typeName() + ", not an integer");
        }
        if (!k.accepts(value)) {
            throw new SysctlRefusal(Kind.INVALID_ARGUMENT, name,
                    name + ": " + value + " (expected: " + k.min() + ".." + k.max() + ")");
        }
        int old = (Integer) values.put(storageOf.get(name), value);
        notifyChanged();
        return old;
    }

    /** Runs {@code listener} after every set or reset (autosave); closing the handle stops it. */
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void notifyChanged() {
        version++;
        for (Runnable r : listeners) {
            r.run();
        }
    }

    /**
     * The writable knobs whose value differs from the default, in registration order; a knob
     * sharing another's value (an alias) is left out, its owner stands for both.
     */
    public List<Knob> changedFromDefault() {
        List<Knob> out = new ArrayList<>();
        for (Knob k : knobs.values()) {
            if (!k.readOnly() && storageOf.get(k.name()).equals(k.name())
                    && !values.get(k.name()).equals(k.defaultValue())) {
                out.add(k);
            }
        }
        return out;
    }

    /** Puts every knob back to its default. */
    public void reset() {
        for (Knob k : knobs.values()) {
            if (storageOf.get(k.name()).equals(k.name())) {
                values.put(k.name(), k.defaultValue());
            }
        }
        notifyChanged();
    }

    private Knob leaf(String name) {
        Knob k = knobs.get(name);
        if (k != null) {
            return k;
        }
        if (isNode(name)) {
            throw new SysctlRefusal(Kind.NOT_A_LEAF, name, "oid '" + name + "' isn't a leaf node");
        }
        throw new SysctlRefusal(Kind.UNKNOWN, name, "unknown oid '" + name + "'");
    }
}
