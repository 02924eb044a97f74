package org.jsetkey.engine.nat;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code /etc/pf.conf} as jsetkey reads it: {@code nat} rules, {@code #} comments and blank
 * lines; any other pf rule is an error at its line, so a file jsetkey cannot honour is never
 * half-loaded.
 *
 * @param errors {@code file:line:col: message} for each line that does not parse
 */
public record PfConf(List<NatRule> rules, List<String> errors) {
    public PfConf {
        rules = List.copyOf(rules);
        errors = List.copyOf(errors);
    }

    public static PfConf parse(String text, String fileName) {
        List<NatRule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = hash < 0 ? line : line.substring(0, hash);
            if (body.isBlank()) {
                continue;
            }
            try {
                rules.add(NatRuleParser.parse(body));
            } catch (NatSyntaxError e) {
                errors.add(fileName + ":" + (i + 1) + ":" + e.column() + ": " + e.getMessage()
                        + (e.expected().isEmpty() ? "" : " (expected: " + String.join(", ", e.expected()) + ")"));
            }
        }
        return new PfConf(rules, errors);
    }
}
