package org.jsetkey.shell.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jsetkey.shell.Shell;
import org.jsetkey.shell.console.StreamOutput;
import org.jsetkey.shell.host.HostContext;
import org.jsetkey.shell.host.HostOptions;
import org.junit.jupiter.api.Test;

class CommandArgumentsTest {
    @Test
    void theFileCommandsAreCommandsOfTheShell() {
        try (HostContext host = new HostContext(new HostOptions("t", List.of(), null, List.of(), null, null, null, false));
             Shell shell = new Shell(host, new StreamOutput(System.out, System.err), false)) {
            Set<String> missing = new TreeSet<>(CommandArguments.FILE_COMMANDS);
            missing.removeAll(shell.interpreter().registry().words());
            assertEquals(Set.of(), missing);
        }
    }
}
