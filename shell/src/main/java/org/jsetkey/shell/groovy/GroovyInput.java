package org.jsetkey.shell.groovy;

/** Whether typed Groovy is unfinished: an open bracket, brace or parenthesis, or an open string. */
final class GroovyInput {
    private GroovyInput() {
    }

    static boolean unfinished(String text) {
        int depth = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("'''", i) || text.startsWith("\"\"\"", i)) {
                int end = text.indexOf(text.substring(i, i + 3), i + 3);
                if (end < 0) {
                    return true;
                }
                i = end + 3;
                continue;
            }
            if (c == '\'' || c == '"') {
                i = skipString(text, i, c);
                continue;
            }
            if (text.startsWith("//", i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? n : nl;
                continue;
            }
            if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return true;
                }
                i = end + 2;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
            i++;
        }
        return depth > 0 || text.stripTrailing().endsWith("\\");
    }

    private static int skipString(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
