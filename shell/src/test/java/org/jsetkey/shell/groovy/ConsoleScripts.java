package org.jsetkey.shell.groovy;

import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.RecordingOutput;

/** The script API as the console has it: a {@link ScriptHost} on an engine host of its own, output recorded. */
final class ConsoleScripts implements AutoCloseable {
    final RecordingOutput output = new RecordingOutput();
    final Host host = new Host("console");
    final ScriptHost scripts = new ScriptHost(host, new Setkey(host.sad(), host.spd(), 1), output);

    @Override
    public void close() {
        try {
            scripts.close();
        } finally {
            host.close();
        }
    }
}
