package org.jsetkey.shell.command;

import java.util.List;

import org.jsetkey.engine.setkey.SetkeyResult;

/** {@code dump [proto]} and {@code spddump} typed without the closing {@code ;}. */
record DumpCommand(String name, SetkeyLanguage setkey) implements Command {
    @Override
    public Usage usage() {
        return new Usage(name, name.equals("dump") ? "dump [proto]" : "spddump",
                name.equals("dump")
                        ? "Prints the SAD (all SAs, or those of one protocol: esp, ah, ipcomp...) as setkey -D does."
                        : "Prints the SPD as setkey -DP does.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        SetkeyResult r = setkey.run(name + (args.isEmpty() ? "" : " " + String.join(" ", args)) + ";",
                "<stdin>", new SetkeyPrinter(output));
        return !r.failed();
    }
}
