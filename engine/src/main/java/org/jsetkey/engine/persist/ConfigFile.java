package org.jsetkey.engine.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.setkey.BoundedListener;
import org.jsetkey.engine.setkey.Diagnostic;
import org.jsetkey.engine.setkey.Parser;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.setkey.SourcePos;
import org.jsetkey.engine.setkey.stmt.Exit;
import org.jsetkey.engine.setkey.stmt.Statement;
import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.engine.sysctl.SysctlRefusal;

/**
 * A configuration file as {@code -f}, {@code run}, {@code --boot} and the autosave restore
 * read it: setkey statements, plus whole lines of three other kinds where no statement is
 * open: {@code sysctl name=value}, {@code ip xfrm ...} and autosave's {@code #@seq} marks.
 * Everything is parsed first; any error is reported with its line and column and nothing
 * is applied. Then steps run in file order; a refused one is reported and the rest go on.
 */
public final class ConfigFile {
    private final Setkey setkey;
    private final Sysctl sysctl;
    private final Sad sad;

    public ConfigFile(Setkey setkey, Sysctl sysctl, Sad sad) {
        this.setkey = setkey;
        this.sysctl = sysctl;
        this.sad = sad;
    }

    /** One parsed thing to do, at its position; {@code run} returns what it prints. */
    private record Step(SourcePos pos, String sourceLine, Statement statement, Runnable run, long order) {
        Step(SourcePos pos, String sourceLine, Statement statement, Runnable run) {
            this(pos, sourceLine, statement, run, (long) pos.line() << 20 | pos.column());
        }
    }

    public SetkeyResult run(String text, String fileName, SetkeyListener listener) {
        return process(text, fileName, listener, true);
    }

    /** Parses and reports like {@link #run} and applies nothing ({@code setkey -n}). */
    public SetkeyResult check(String text, String fileName, SetkeyListener listener) {
        return process(text, fileName, listener, false);
    }

    private SetkeyResult process(String text, String fileName, SetkeyListener to, boolean apply) {
        if (!hasOtherLines(text)) {
            return apply ? setkey.run(text, fileName, to) : setkey.check(text, fileName, to);
        }
        BoundedListener listener = new BoundedListener(to, fileName);
        String[] lines = text.split("\n", -1);
        StringBuilder setkeyText = new StringBuilder();
        StringBuilder open = new StringBuilder();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<List<Step>> run = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            boolean boundary = open.length() == 0 || Setkey.isComplete(open.toString());
            if (boundary) {
                open.setLength(0);
            }
            String stripped = line.strip();
            if (boundary && SetkeyDump.isEmptyNote(stripped)) {
                setkeyText.append('\n');
                continue;
            }
            if (!(boundary && (XfrmListing.starts(line) || SetkeyDump.starts(line, nextLineOf(lines, i))))
                    && !stripped.isEmpty()) {
                closeRun(run, steps);
            }
            String nextLine = i + 1 < lines.length ? lines[i + 1] : null;
            boolean dump = boundary && SetkeyDump.starts(line, nextLine);
            if (boundary && (XfrmListing.starts(line) || dump)) {
                List<String> entry = new ArrayList<>(List.of(line));
                while (i + 1 < lines.length && XfrmListing.continues(lines[i + 1])) {
                    entry.add(lines[++i].replace("\r", ""));
                }
                int first = i + 2 - entry.size();
                for (int k = 0; k < entry.size(); k++) {
                    setkeyText.append('\n');
                }
                try {
                    List<Step> made = new ArrayList<>();
                    for (Statement s : dump ? SetkeyDump.parse(entry) : XfrmListing.parse(entry)) {
                        made.add(new Step(new SourcePos(fileName, first, 1, 1), XfrmKeyMask.line(line), s, null));
                    }
                    if (dump && !SetkeyDump.isSa(nextLine)) {
                        closeRun(run, steps);
                        steps.addAll(made);
                    } else if (!made.isEmpty()) {
                        run.add(made);
                    }
                } catch (LineError e) {
                    diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, new SourcePos(fileName, first + e.line(),
                            e.column(), e.length()), e.getMessage(), e.expected(),
                            XfrmKeyMask.line(entry.get(e.line()))));
                }
                continue;
            }
            if (boundary && isOtherLine(stripped)) {
                setkeyText.append('\n');
                try {
                    steps.addAll(parseLine(line, stripped, fileName, i + 1));
                } catch (LineError e) {
                    diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR,
                            new SourcePos(fileName, i + 1 + e.line(), e.column(), e.length()), e.getMessage(),
                            e.expected(), XfrmKeyMask.line(line)));
                }
                continue;
            }
            setkeyText.append(line).append('\n');
            open.append(line).append('\n');
        }
        closeRun(run, steps);
        Parser.Result parsed = Parser.parse(setkeyText.toString(), fileName);
        diagnostics.addAll(parsed.diagnostics());
        for (Parser.Parsed p : parsed.statements()) {
            steps.add(new Step(p.pos(), p.sourceLine(), p.statement(), null));
        }
        diagnostics.sort(Diagnostic.SOURCE_ORDER);
        int errors = 0;
        for (Diagnostic d : diagnostics) {
            listener.diagnostic(d);
            if (d.severity() == Diagnostic.Severity.ERROR) {
                errors++;
            }
        }
        if (errors > 0 || !apply) {
            listener.endParse();
            return new SetkeyResult(0, errors, false);
        }
        steps.sort((a, b) -> Long.compare(a.order(), b.order()));
        return apply(steps, listener);
    }

    /**
     * The kernel lists its entries newest first (ip xfrm state and policy, setkey -D; not
     * setkey -DP): a run of listed entries is applied bottom up, so they are inserted in the
     * kernel's order (Linux ranks equal priorities by insertion; the SAD prefers by age).
     */
    private static void closeRun(List<List<Step>> run, List<Step> steps) {
        for (int k = 0; k < run.size(); k++) {
            List<Step> entry = run.get(k);
            long slot = run.get(run.size() - 1 - k).get(0).order();
            for (int j = 0; j < entry.size(); j++) {
                Step s = entry.get(j);
                steps.add(new Step(s.pos(), s.sourceLine(), s.statement(), s.run(), slot + j));
            }
        }
        run.clear();
    }

    private SetkeyResult apply(List<Step> steps, BoundedListener listener) {
        int applied = 0;
        int errors = 0;
        for (Step s : steps) {
            if (s.statement() instanceof Exit) {
                listener.endApply();
                return new SetkeyResult(applied, errors, true);
            }
            try {
                if (s.statement() != null) {
                    String out = setkey.apply(s.statement());
                    if (!out.isEmpty()) {
                        listener.output(out);
                    }
                } else {
                    s.run().run();
                }
                applied++;
            } catch (Refusal | SysctlRefusal r) {
                errors++;
                listener.diagnostic(new Diagnostic(Diagnostic.Severity.ERROR, s.pos(), r.getMessage(), List.of(),
                        s.sourceLine()));
            }
        }
        listener.endApply();
        return new SetkeyResult(applied, errors, false);
    }

    private List<Step> parseLine(String line, String stripped, String fileName, int lineNo) {
        int column = line.indexOf(stripped.charAt(0)) + 1;
        SourcePos pos = new SourcePos(fileName, lineNo, column, 1);
        if (SysctlLine.starts(stripped)) {
            Map<String, Integer> settings = SysctlLine.parse(line, sysctl);
            return List.of(new Step(pos, line, null, () -> settings.forEach(sysctl::setInt)));
        }
        if (SequenceMark.starts(stripped)) {
            SequenceMark mark = SequenceMark.parse(line);
            return List.of(new Step(pos, line, null, () -> mark.apply(sad)));
        }
        List<Step> steps = new ArrayList<>();
        for (Statement s : XfrmReader.parse(line)) {
            steps.add(new Step(pos, XfrmKeyMask.line(line), s, null));
        }
        return steps;
    }

    private static boolean isOtherLine(String stripped) {
        return SysctlLine.starts(stripped) || SequenceMark.starts(stripped) || XfrmReader.starts(stripped);
    }

    private static String nextLineOf(String[] lines, int i) {
        return i + 1 < lines.length ? lines[i + 1] : null;
    }

    /** Plain setkey text (no line of another kind) goes straight to the setkey language. */
    private static boolean hasOtherLines(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (isOtherLine(line.strip()) || XfrmListing.starts(line) || SetkeyDump.starts(line, nextLineOf(lines, i))
                    || SetkeyDump.isEmptyNote(line.strip())) {
                return true;
            }
        }
        return false;
    }
}
