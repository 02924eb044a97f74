package org.jsetkey.shell.groovy;

import java.nio.file.Path;
import java.util.List;

import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.shell.command.Command;
import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.FileErrors;
import org.jsetkey.shell.command.Usage;
import org.jsetkey.shell.command.SetkeyPrinter;
import org.jsetkey.shell.host.HostContext;

/** {@code run FILE [ARGS]}: a {@code .groovy} script, or any other file as setkey statements. */
record RunCommand(Scripting scripting, HostContext host) implements Command {
    @Override
    public Usage usage() {
        return new Usage("run", "run FILE [ARGS]",
                "Runs FILE: a .groovy file as a Groovy script (ARGS in 'args'; errors say FILE:LINE),\n"
                        + "any other file as setkey statements (errors say FILE:LINE:COL), like setkey -f.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.isEmpty()) {
            output.errorln("usage: " + synopsis());
            return false;
        }
        Path file = Path.of(args.get(0));
        String text = FileErrors.read(file, "run", output);
        if (text == null) {
            return false;
        }
        if (file.getFileName().toString().endsWith(".groovy")) {
            return runGroovy(file, args.subList(1, args.size()), output);
        }
        if (args.size() > 1) {
            output.errorln("run: arguments are only for .groovy scripts");
            return false;
        }
        SetkeyResult r = host.runFile(text, file.toString(), new SetkeyPrinter(output));
        return !r.failed();
    }

    private boolean runGroovy(Path file, List<String> args, CommandOutput output) {
        try {
            scripting.scripts(output).runFile(file, args);
            return true;
        } catch (ScriptFailedException e) {
            ScriptErrors.report(e, scripting.session(), output);
            return false;
        }
    }
}
