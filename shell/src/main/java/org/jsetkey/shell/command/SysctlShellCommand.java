package org.jsetkey.shell.command;

import java.util.List;

import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.engine.sysctl.SysctlCommand;
import org.jsetkey.engine.sysctl.SysctlResult;

/** FreeBSD's sysctl(8) on this host's knobs. */
record SysctlShellCommand(Sysctl sysctl) implements Command {
    @Override
    public Usage usage() {
        return new Usage("sysctl", "sysctl [-adeiNnq] [name[=value] ...]",
                "Shows or sets kernel knobs as FreeBSD's sysctl does. For example:\n"
                        + "  sysctl net.inet.ipsec            every IPsec knob\n"
                        + "  sysctl net.inet.ipsec.esp_trans_deflev=2\n"
                        + "-a all, -n value only, -e name=value, -N names, -d descriptions, -q quiet, -i ignore unknown.");
    }

    @Override
    public ArgumentCompleter completer() {
        return new SysctlCompleter(sysctl, Command.super.completer());
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        SysctlResult r = SysctlCommand.run(sysctl, args);
        output.out(r.out());
        output.err(r.err());
        return !r.failed();
    }
}
