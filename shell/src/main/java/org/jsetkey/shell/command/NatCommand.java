package org.jsetkey.shell.command;

import java.util.List;

import org.jsetkey.engine.nat.NatRuleParser;
import org.jsetkey.engine.nat.NatSyntaxError;
import org.jsetkey.engine.stack.Host;

/**
 * {@code nat}: the router's source NAT in pf's words. With no arguments it prints the rules and
 * the translations ({@code pfctl -vss} style), then what NAT-T (ESP in UDP) did on this host.
 */
record NatCommand(Host host) implements Command {
    @Override
    public Usage usage() {
        return new Usage("nat", "nat [RULE | flush]",
                "Source NAT with port translation on this router, RULE written as pf.conf writes it:\n"
                        + "'nat on lnk0 from 10.0.1.0/24 to any -> 203.0.113.1' rewrites forwarded packets from\n"
                        + "10.0.1.0/24 to come from 203.0.113.1 (UDP/TCP ports and ICMP echo ids from 50001). ESP\n"
                        + "is refused (it has no ports), AH passes address-only. 'nat' alone prints the rules,\n"
                        + "the translations and the NAT-T counters; 'nat flush' removes rules and translations.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        if (args.isEmpty()) {
            String table = host.nat().format(host.clock().millis());
            output.out(table.isEmpty() ? "No NAT rules.\n" : table);
            String natt = host.natt().format();
            if (!natt.equals("natt:\n")) {
                output.out(natt);
            }
            return true;
        }
        if (args.equals(List.of("flush"))) {
            host.nat().flush();
            return true;
        }
        String line = "nat " + String.join(" ", args);
        try {
            host.nat().add(NatRuleParser.parse(line));
            return true;
        } catch (NatSyntaxError e) {
            output.errorln("nat: " + e.getMessage() + (e.expected().isEmpty() ? ""
                    : " (expected: " + String.join(", ", e.expected()) + ")"));
            output.errorln("  " + line);
            output.errorln("  " + " ".repeat(e.column() - 1) + "^");
            return false;
        }
    }
}
