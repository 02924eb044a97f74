package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.setkey.Grammar;
import org.jsetkey.engine.setkey.stmt.SaProtocol;

/** {@code help -E}, {@code help -A}, {@code help -C}: the algorithm registry as a table. */
public final class AlgorithmTable {
    /** The tables in the order help names them. */
    public static final List<AlgorithmKind> KINDS = List.of(AlgorithmKind.ENCRYPT, AlgorithmKind.AUTH, AlgorithmKind.COMPRESS);

    private AlgorithmTable() {
    }

    /** The options that name the tables, in help's order: {@code -E | -A | -C} with " | ". */
    static String options(String separator) {
        return String.join(separator, KINDS.stream().map(AlgorithmKind::option).toList());
    }

    static String format(AlgorithmKind kind) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "key", "IV", "ICV", "RFC", "protocols", "description"});
        for (Algorithm a : Algorithms.of(kind)) {
            String name = a.aliases().isEmpty() ? a.name() : a.name() + " (" + String.join(", ", a.aliases()) + ")";
            rows.add(new String[] {name, a.keySizes().describeBytes(), bytes(a.ivBytes()), bytes(a.icvBytes()),
                    a.rfc(), protocols(a), a.summary()});
        }
        StringBuilder sb = new StringBuilder(title(kind)).append('\n');
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < r.length; i++) {
                line.append(' ').append(i == r.length - 1 ? r[i] : pad(r[i], width[i]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String title(AlgorithmKind kind) {
        switch (kind) {
            case ENCRYPT:
                return "Encryption algorithms (" + kind.option() + " ealg key); key sizes include any trailing salt/nonce:";
            case AUTH:
                return "Authentication algorithms (" + kind.option() + " aalg key); ICV as truncated on the wire:";
            default:
                return "Compression algorithms (" + kind.option() + " calg [-R]):";
        }
    }

    /** The SA protocols the grammar accepts the algorithm with. */
    private static String protocols(Algorithm a) {
        List<String> l = new ArrayList<>();
        for (SaProtocol p : SaProtocol.values()) {
            if (Grammar.mismatch(p, a) == null) {
                l.add(p.keyword());
            }
        }
        return String.join(",", l);
    }

    private static String bytes(int n) {
        return n == 0 ? "-" : Integer.toString(n);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
