package org.jsetkey.shell.complete;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.setkey.stmt.SaProtocol;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.Suggestion;
import org.jsetkey.shell.command.Words;

/** The SPIs of the SAs matching the {@code src dst proto} typed so far ({@code get}, {@code delete}, ...). */
final class ExistingSpis {
    private final Host host;

    ExistingSpis(Host host) {
        this.host = host;
    }

    List<Suggestion> matching(String typed, String prefix) {
        List<String> words = Words.split(typed.substring(typed.lastIndexOf(';') + 1));
        List<String> args = new ArrayList<>();
        for (String w : words.subList(Math.min(1, words.size()), words.size())) {
            if (!(args.isEmpty() && w.startsWith("-"))) {
                args.add(w);
            }
        }
        if (args.size() < 3) {
            return List.of();
        }
        IpAddress src = IpAddress.tryParse(args.get(0));
        IpAddress dst = IpAddress.tryParse(args.get(1));
        SaProtocol proto = SaProtocol.byKeyword(args.get(2));
        List<Suggestion> out = new ArrayList<>();
        if (src == null || dst == null || proto == null) {
            return out;
        }
        List<SaEntry> entries = new ArrayList<>(host.sad().snapshot());
        entries.sort(Comparator.comparingLong(e -> e.sa().spi()));
        for (SaEntry e : entries) {
            SecurityAssociation sa = e.sa();
            String spi = Long.toString(sa.spi());
            if (sa.src().equals(src) && sa.dst().equals(dst) && sa.type() == proto.type()
                    && sa.old() == proto.old() && spi.startsWith(prefix)) {
                out.add(Suggestion.of(spi, String.format("0x%08x %s %s", sa.spi(), sa.mode().keyword(),
                        e.state().keyword())));
            }
        }
        return out;
    }
}
