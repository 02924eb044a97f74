package org.jsetkey.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsetkey.engine.setkey.Excerpt;
import org.jsetkey.engine.setkey.Grammar;

/** What an unknown command word was probably meant to be: the nearest command or setkey statement. */
final class CommandHint {
    private CommandHint() {
    }

    /** The error for an unknown first word, with a hint when one is near enough. */
    static String unknown(String word, List<String> line, CommandRegistry registry) {
        if (word.equals("setkey")) {
            return "unknown command: setkey: this console already reads setkey statements: type them here, each"
                    + " ending with ';' (help lists them); 'run FILE' loads a file of them; from a shell,"
                    + " 'scripts/jsetkey -c < FILE' is setkey -c's batch form"
                    + (line.contains("-f") ? " and 'scripts/jsetkey -f FILE' its -f" : "");
        }
        String near = word.length() > Excerpt.QUOTE ? null : nearest(word, registry);
        String shown = Excerpt.quote(word);
        return "unknown command: " + shown.substring(1, shown.length() - 1) + (near == null ? " (type help for the list)"
                : " (did you mean '" + near + "'? type help for the list)");
    }

    /** The closest word within a small edit distance, by case, prefix or typo; null when nothing is close. */
    static String nearest(String word, CommandRegistry registry) {
        List<String> words = new ArrayList<>(registry.words());
        for (String s : Grammar.statementNames()) {
            if (!words.contains(s)) {
                words.add(s);
            }
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (words.contains(lower)) {
            return lower;
        }
        List<String> extending = words.stream().filter(w -> lower.length() >= 2 && w.startsWith(lower)).toList();
        if (extending.size() == 1) {
            return extending.get(0);
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String w : words) {
            int d = distance(lower, w);
            if (d < bestDistance) {
                best = w;
                bestDistance = d;
            }
        }
        int allowed = lower.length() <= 3 ? 1 : 2;
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
