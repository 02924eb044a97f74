package org.jsetkey.shell.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code save FILE}: writes the SAD and SPD as setkey statements that {@code -f FILE} or {@code run FILE} reload. */
final class SaveCommand implements Command {
    private final SetkeyLanguage setkey;

    SaveCommand(SetkeyLanguage setkey) {
        this.setkey = setkey;
    }

    @Override
    public String name() {
        return "save";
    }

    @Override
    public String synopsis() {
        return "save FILE";
    }

    @Override
    public String help() {
        return "Writes the SAD and SPD to FILE as setkey statements (flush; spdflush; add ...; spdadd ...;),\n"
                + "so 'jsetkey -f FILE', '--boot FILE' or 'run FILE' rebuilds them. Keys are written in the clear.";
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.size() != 1) {
            output.errorln("usage: " + synopsis());
            return false;
        }
        Path file = Path.of(args.get(0));
        String text = setkey.config();
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            output.errorln("save: " + file + ": " + e.getMessage());
            return false;
        }
        long statements = text.lines().filter(l -> l.endsWith(";")).count();
        output.println("save: " + statements + " statements written to " + file);
        return true;
    }
}
