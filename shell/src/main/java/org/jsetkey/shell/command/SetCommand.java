package org.jsetkey.shell.command;

import java.util.List;

/** {@code set debug on|off}; {@code set} alone shows the settings. */
final class SetCommand implements Command {
    private final Session session;

    SetCommand(Session session) {
        this.session = session;
    }

    @Override
    public String name() {
        return "set";
    }

    @Override
    public String synopsis() {
        return "set [debug on|off]";
    }

    @Override
    public String help() {
        return "Changes a console setting. debug on: errors show the full stack trace.";
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.isEmpty()) {
            output.println("debug " + (session.debug() ? "on" : "off"));
            return true;
        }
        if (!args.get(0).equals("debug")) {
            output.errorln("set: unknown setting '" + args.get(0) + "' (expected: debug)");
            return false;
        }
        if (args.size() != 2 || !(args.get(1).equals("on") || args.get(1).equals("off"))) {
            output.errorln("set debug: " + String.join(" ", args.subList(1, args.size())) + " (expected: on, off)");
            return false;
        }
        session.debug(args.get(1).equals("on"));
        return true;
    }
}
