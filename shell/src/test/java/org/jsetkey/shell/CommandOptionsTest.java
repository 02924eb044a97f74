package org.jsetkey.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsetkey.shell.command.Command;
import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.Suggestion;
import org.jsetkey.shell.complete.ConsoleCompletion;
import org.junit.jupiter.api.Test;

/**
 * For every command of the shell: the options its parser accepts are exactly those that
 * completion offers and that {@code help COMMAND} lists. The parser is asked by running the
 * command with each option alone and reading whether it was refused as unknown.
 */
class CommandOptionsTest {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--?[A-Za-z0-9][\\w-]*)");
    private static final Pattern CLUSTER = Pattern.compile("\\[-([A-Za-z0-9]{2,})]");
    private static final Pattern REFUSED = Pattern.compile("invalid option|unrecognized option|illegal option");

    @Test
    void everyOptionIsAcceptedOfferedAndListedAlike() throws Exception {
        try (LabHost h = new LabHost("probe", "192.0.2.1")) {
            CommandRegistry registry = h.shell.interpreter().registry();
            ConsoleCompletion completion = new ConsoleCompletion(registry, h.context.host());
            List<String> withOptions = new ArrayList<>();
            for (Command c : registry.commands()) {
                String prefix = prefix(c.synopsis());
                h.clear();
                h.run("help " + c.name());
                String usageLine = h.out().split("\n", 2)[0];
                Set<String> listed = listed(usageLine);
                Set<String> offered = new TreeSet<>();
                for (Suggestion s : completion.suggestions(prefix + " -", prefix.length() + 2)) {
                    offered.add(s.value());
                }
                assertEquals(listed, offered, c.name() + ": help lists " + usageLine + ", completion offers " + offered);
                if (listed.isEmpty()) {
                    continue; // its words are all operands: no option parser to ask
                }
                withOptions.add(c.name());
                Set<String> candidates = new TreeSet<>(listed);
                for (char l : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray()) {
                    candidates.add("-" + l);
                }
                candidates.add("--no-such-option");
                Set<String> accepted = new TreeSet<>();
                for (String option : candidates) {
                    h.clear();
                    h.run(prefix + " " + option);
                    if (!REFUSED.matcher(h.err()).find()) {
                        accepted.add(option);
                    }
                }
                assertEquals(listed, accepted, c.name() + ": the parser accepts " + accepted + ", help lists " + usageLine);
            }
            assertTrue(withOptions.containsAll(List.of("ping", "tcpdump", "netstat", "monitor", "peer", "save", "sysctl",
                    "help")), withOptions.toString());
        }
    }

    /** The command words before the first option or operand: {@code peer check} of {@code peer check [-t SEC] [PEER]}. */
    private static String prefix(String synopsis) {
        StringBuilder sb = new StringBuilder();
        for (String w : synopsis.split(" ")) {
            if (w.startsWith("[") || w.startsWith("-") || !w.equals(w.toLowerCase()) || w.equals("|")) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(w);
        }
        return sb.toString();
    }

    /** The options a usage line names; {@code [-adq]} is three. */
    private static Set<String> listed(String usageLine) {
        Set<String> out = new TreeSet<>();
        Matcher cluster = CLUSTER.matcher(usageLine);
        while (cluster.find()) {
            cluster.group(1).chars().forEach(c -> out.add("-" + (char) c));
        }
        Matcher m = FLAG.matcher(CLUSTER.matcher(usageLine).replaceAll(""));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
