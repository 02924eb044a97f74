package org.jsetkey.shell.groovy;

import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.RawCommand;

/** {@code groovy EXPR} evaluates one expression; {@code groovy} alone enters the Groovy mode. */
final class GroovyCommand implements RawCommand {
    private final Scripting scripting;

    GroovyCommand(Scripting scripting) {
        this.scripting = scripting;
    }

    @Override
    public String name() {
        return "groovy";
    }

    @Override
    public String synopsis() {
        return "groovy [EXPR]";
    }

    @Override
    public String help() {
        return GroovyHelp.TEXT;
    }

    @Override
    public boolean executeRaw(String rawArgs, CommandOutput output) {
        if (rawArgs.isEmpty()) {
            GroovyMode mode = new GroovyMode(scripting.scripts(output), scripting.session(), output);
            scripting.session().enter(mode);
            output.println("Groovy mode: host, sad, spd, sysctl, link, setkey(\"...\"), ping(...), ... "
                    + "(help groovy); exit returns.");
            return true;
        }
        return GroovyMode.evaluateAndPrint(scripting.scripts(output), rawArgs, scripting.session(), output);
    }
}
