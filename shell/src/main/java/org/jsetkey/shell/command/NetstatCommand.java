package org.jsetkey.shell.command;

import java.util.List;

import org.jsetkey.engine.print.NetstatFormatter;
import org.jsetkey.engine.stats.Counters;

/** FreeBSD's {@code netstat -s [-p ipsec|ipsec6|ah|esp|ipcomp|icmp|icmp6|link]} on this host's counters. */
record NetstatCommand(Counters counters) implements Command {
    @Override
    public Usage usage() {
        return new Usage("netstat", "netstat -s [-s] [-p ipsec|ipsec6|ah|esp|ipcomp|icmp|icmp6|link]",
                "IPsec statistics as FreeBSD's netstat -s prints them: every protocol, or the one -p names;\n"
                        + "icmp/icmp6 count messages dropped for a bad checksum, link the datagrams the link refused.\n"
                        + "  -ss  leave out counters that are zero\n"
                        + "Link packet and byte counts are shown by 'link'.");
    }

    @Override
    public boolean execute(List<String> args, CommandOutput output) {
        GetOpt g = GetOpt.parse(this, args, output);
        if (g == null) {
            return false;
        }
        if (!g.has('s')) {
            return usageError("only statistics (-s) are available", output);
        }
        if (!g.operands().isEmpty()) {
            return usageError("unexpected " + g.operands().get(0), output);
        }
        boolean hideZero = g.count('s') > 1;
        List<String> protocols = g.has('p') ? List.of(g.value('p')) : NetstatFormatter.PROTOCOLS;
        StringBuilder sb = new StringBuilder();
        for (String p : protocols) {
            String block = NetstatFormatter.format(counters, p, hideZero);
            if (block == null) {
                output.errorln("netstat: " + p + ": unknown or uninstrumented protocol (expected: "
                        + String.join(", ", NetstatFormatter.PROTOCOLS) + ")");
                return false;
            }
            sb.append(block);
        }
        output.out(sb.toString());
        return true;
    }
}
