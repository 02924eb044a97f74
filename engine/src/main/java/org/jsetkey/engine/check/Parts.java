package org.jsetkey.engine.check;

import java.util.ArrayList;
import java.util.List;

/** The part numbers an ask wants: all of them, or a list like {@code 3,7-9}. */
final class Parts {
    private Parts() {
    }

    static List<Integer> wanted(String spec, int parts) {
        List<Integer> l = new ArrayList<>();
        if (spec == null || spec.isEmpty()) {
            for (int i = 0; i < parts; i++) {
                l.add(i);
            }
            return l;
        }
        for (String r : spec.split(",")) {
            int dash = r.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? r : r.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(r.substring(dash + 1));
            for (int i = Math.max(0, from); i <= Math.min(to, parts - 1) && l.size() < parts; i++) {
                l.add(i);
            }
        }
        return l;
    }

    /** The missing part numbers as ranges, cut short to fit one ask packet. */
    static String ranges(boolean[] have) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < have.length && sb.length() < 900) {
            if (have[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < have.length && !have[j + 1]) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(i == j ? Integer.toString(i) : i + "-" + j);
            i = j + 1;
        }
        return sb.toString();
    }
}
