package org.jsetkey.shell.command;

import java.util.List;

import org.jsetkey.engine.setkey.SetkeyResult;

/** {@code dump [proto]} and {@code spddump} typed without the closing {@code ;}. */
final class DumpCommand implements Command {
    private final String name;
    private final SetkeyLanguage setkey;

    DumpCommand(String name, SetkeyLanguage setkey) {
        this.name = name;
        this.setkey = setkey;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String synopsis() {
        return name.equals("dump") ? "dump [proto]" : "spddump";
    }

    @Override
    public String help() {
        return name.equals("dump")
                ? "Prints the SAD (all SAs, or those of one protocol: esp, ah, ipcomp...) as setkey -D does."
                : "Prints the SPD as setkey -DP does.";
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        SetkeyResult r = setkey.run(name + (args.isEmpty() ? "" : " " + String.join(" ", args)) + ";",
                "<stdin>", new SetkeyPrinter(output));
        return !r.failed();
    }
}
