package org.jsetkey.shell.groovy;

import java.util.ArrayList;
import java.util.List;

import org.codehaus.groovy.runtime.InvokerHelper;
import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.LineMode;
import org.jsetkey.shell.command.Outcome;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.command.Suggestion;

/** The console's Groovy mode: each entry is evaluated, its value printed; {@code exit} returns. */
final class GroovyMode implements LineMode {
    static final String PROMPT = "groovy> ";

    private final ScriptHost scripts;
    private final Session session;
    private final CommandOutput output;
    private final StringBuilder pending = new StringBuilder();

    GroovyMode(ScriptHost scripts, Session session, CommandOutput output) {
        this.scripts = scripts;
        this.session = session;
        this.output = output;
    }

    @Override
    public String prompt() {
        return PROMPT;
    }

    @Override
    public String historyName() {
        return "groovy";
    }

    @Override
    public boolean needsMore(String text) {
        return GroovyInput.unfinished(text);
    }

    @Override
    public Outcome accept(String text) {
        if (pending.length() == 0) {
            String word = text.strip();
            if (word.equals("exit") || word.equals("quit")) {
                return Outcome.EXIT;
            }
            if (word.isEmpty()) {
                return Outcome.OK;
            }
        } else {
            pending.append('\n');
        }
        // lines read one at a time (piped input) gather until the entry is complete
        pending.append(text);
        if (GroovyInput.unfinished(pending.toString())) {
            return Outcome.PENDING;
        }
        String code = pending.toString();
        pending.setLength(0);
        return evaluateAndPrint(scripts, code, session, output) ? Outcome.OK : Outcome.FAILED;
    }

    /** Evaluates and prints the value (nothing for null); errors print as {@code groovy:LINE: message}. */
    static boolean evaluateAndPrint(ScriptHost scripts, String code, Session session, CommandOutput output) {
        try {
            Object value = scripts.evaluate(code);
            String shown = value instanceof String s ? s : value == null ? "" : InvokerHelper.toString(value);
            if (!shown.isEmpty()) {
                output.out(shown.endsWith("\n") ? shown : shown + "\n");
            }
            return true;
        } catch (ScriptFailedException e) {
            ScriptErrors.report(e, session, output);
            return false;
        }
    }

    @Override
    public List<Suggestion> suggestions(String line, int cursor) {
        String before = line.substring(0, Math.min(cursor, line.length()));
        int start = before.length();
        while (start > 0 && Character.isJavaIdentifierPart(before.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && before.charAt(start - 1) == '.') {
            return List.of();
        }
        String prefix = before.substring(start);
        List<Suggestion> out = new ArrayList<>();
        for (String name : scripts.bindingNames()) {
            if (name.startsWith(prefix)) {
                out.add(Suggestion.of(name));
            }
        }
        return out;
    }
}
