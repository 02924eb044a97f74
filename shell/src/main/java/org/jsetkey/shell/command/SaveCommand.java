package org.jsetkey.shell.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jsetkey.engine.persist.AtomicFile;
import org.jsetkey.engine.persist.XfrmWriter;

/**
 * {@code save [--format setkey|ip-xfrm] [FILE]}: the SAD, SPD and changed sysctls written
 * atomically, mode 0600, as a file that {@code -f FILE} or {@code run FILE} reloads.
 */
record SaveCommand(SetkeyLanguage setkey) implements Command {
    @Override
    public Usage usage() {
        return new Usage("save", "save [--format setkey|ip-xfrm] [FILE]",
                "Writes the SAD, the SPD and every sysctl that differs from its default to FILE\n"
                + "(flush; spdflush; sysctl ...; add ...; spdadd ...;), so 'jsetkey -f FILE', '--boot FILE'\n"
                + "or 'run FILE' rebuilds them. The file is replaced atomically and is mode 0600: keys are\n"
                + "in it. Without FILE: the autosave file when autosave is on, else the rc.conf ipsec_file.\n"
                + "--format ip-xfrm writes Linux 'ip xfrm state/policy add' lines instead; what has no\n"
                + "ip xfrm equivalent stays in the file as a comment and is reported as FILE:LINE.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        GetOpt g = GetOpt.parse(this, args, output);
        if (g == null) {
            return false;
        }
        if (g.operands().size() > 1) {
            output.errorln("usage: " + synopsis());
            return false;
        }
        String format = g.has("format") ? g.value("format") : "setkey";
        Path file = g.operands().isEmpty() ? null : Path.of(g.operands().get(0));
        if (!format.equals("setkey") && !format.equals("ip-xfrm")) {
            output.errorln("save: unknown format \"" + format + "\" (expected: setkey, ip-xfrm)");
            return false;
        }
        try {
            if (format.equals("ip-xfrm")) {
                if (file == null) {
                    output.errorln("save: --format ip-xfrm needs a FILE");
                    return false;
                }
                return saveXfrm(file, output);
            }
            if (file == null) {
                Path written = setkey.saveDefault();
                if (written == null) {
                    output.errorln("save: no FILE, and no default (start with --autosave FILE, or --rc with ipsec_file)");
                    return false;
                }
                output.println("save: written to " + written);
                return true;
            }
            String text = setkey.config();
            AtomicFile.write(file, text);
            long statements = text.lines().filter(l -> l.endsWith(";") || l.startsWith("sysctl ")).count();
            output.println("save: " + statements + " statements written to " + file);
            return true;
        } catch (IOException e) {
            output.errorln("save: " + (file == null ? FileErrors.reason(e) : FileErrors.describe(file, e)));
            return false;
        }
    }

    private boolean saveXfrm(Path file, CommandOutput output) throws IOException {
        XfrmWriter.Result r = setkey.xfrmConfig();
        AtomicFile.write(file, r.text());
        for (XfrmWriter.Note n : r.notes()) {
            output.errorln(file + ":" + n.line() + ": " + n.message());
        }
        long commands = r.text().lines().filter(l -> l.startsWith("ip xfrm ")).count();
        output.println("save: " + commands + " ip xfrm commands written to " + file
                + (r.notes().isEmpty() ? "" : ", " + r.notes().size() + " without equivalent (commented)"));
        return true;
    }
}
