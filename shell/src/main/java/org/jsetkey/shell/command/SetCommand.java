package org.jsetkey.shell.command;

import java.util.List;

/** {@code set debug|notices on|off}; {@code set} alone shows the settings. */
record SetCommand(Session session) implements Command {
    @Override
    public Usage usage() {
        return new Usage("set", "set [debug|notices on|off]",
                "Changes a console setting. debug on: errors show the full stack trace.\n"
                        + "notices off: no ACQUIRE/EXPIRE notices above the prompt (on by default; monitor shows every message).");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.isEmpty()) {
            output.println("debug " + onOff(session.debug()));
            output.println("notices " + onOff(session.notices()));
            return true;
        }
        String setting = args.get(0);
        if (!setting.equals("debug") && !setting.equals("notices")) {
            output.errorln("set: unknown setting '" + setting + "' (expected: debug, notices)");
            return false;
        }
        if (args.size() != 2 || !(args.get(1).equals("on") || args.get(1).equals("off"))) {
            output.errorln("set " + setting + ": " + String.join(" ", args.subList(1, args.size()))
                    + " (expected: on, off)");
            return false;
        }
        boolean on = args.get(1).equals("on");
        if (setting.equals("debug")) {
            session.debug(on);
        } else {
            session.notices(on);
        }
        return true;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
