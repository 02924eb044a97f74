package org.jsetkey.shell.command;

import java.util.List;

/** {@code set debug|notices|history-keys on|off}; {@code set} alone shows the settings. */
record SetCommand(Session session) implements Command {
    @Override
    public Usage usage() {
        return new Usage("set", "set [debug|notices|history-keys on|off]",
                "Changes a console setting. debug on: errors show the full stack trace.\n"
                        + "notices off: no ACQUIRE/EXPIRE notices above the prompt (on by default; monitor shows every message).\n"
                        + "history-keys on: entries with keys (-E/-A ALG KEY) go into the history too (off by default).");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.isEmpty()) {
            output.println("debug " + onOff(session.debug()));
            output.println("notices " + onOff(session.notices()));
            output.println("history-keys " + onOff(session.historyKeys()));
            return true;
        }
        String setting = args.get(0);
        if (!setting.equals("debug") && !setting.equals("notices") && !setting.equals("history-keys")) {
            output.errorln("set: unknown setting '" + setting + "' (expected: debug, notices, history-keys)");
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
        } else if (setting.equals("notices")) {
            session.notices(on);
        } else {
            session.historyKeys(on);
        }
        return true;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
