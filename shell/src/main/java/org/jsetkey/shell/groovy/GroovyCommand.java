package org.jsetkey.shell.groovy;

import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.Usage;
import org.jsetkey.shell.command.RawCommand;

/** {@code groovy EXPR} evaluates one expression; {@code groovy} alone enters the Groovy mode. */
record GroovyCommand(Scripting scripting) implements RawCommand {
    @Override
    public Usage usage() {
        return new Usage("groovy", "groovy [EXPR]",
                GroovyHelp.TEXT);
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
