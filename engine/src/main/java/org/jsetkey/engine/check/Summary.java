package org.jsetkey.engine.check;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SadListener;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.StatementFormatter;
import org.jsetkey.engine.setkey.stmt.SpdAdd;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.spd.SpdEntry;
import org.jsetkey.engine.spd.SpdListener;
import org.jsetkey.engine.stack.Host;

/**
 * What one host tells another for {@code peer check}: its name and addresses, every usable
 * SA as an {@link SaLine} (keys as fingerprints) and every policy as the {@code spdadd}
 * statement that rebuilds it. Text, one item a line.
 */
record Summary(String name, List<IpAddress> addresses, List<SaLine> sas, List<String> policies) {

    Summary {
        addresses = List.copyOf(addresses);
        sas = List.copyOf(sas);
        policies = List.copyOf(policies);
    }

    static Summary of(Host host, String nonce) {
        List<SaLine> sas = new ArrayList<>();
        List<SaEntry> entries = new ArrayList<>(host.sad().snapshot());
        entries.sort(Comparator.comparingLong(SaEntry::order));
        for (SaEntry e : entries) {
            if (e.state().usable()) {
                sas.add(SaLine.of(e.sa(), nonce));
            }
        }
        List<SpdEntry> spd = new ArrayList<>(host.spd().snapshot());
        spd.sort(Comparator.comparingLong(SpdEntry::id));
        List<String> policies = new ArrayList<>();
        for (SpdEntry e : spd) {
            policies.add(StatementFormatter.format(new SpdAdd(e.policy())).replace('\n', ' '));
        }
        return new Summary(host.name().isEmpty() ? "-" : host.name(), host.addresses(), sas, policies);
    }

    String encode() {
        StringBuilder sb = new StringBuilder("name ").append(name.replace(' ', '_')).append('\n');
        for (IpAddress a : addresses) {
            sb.append("addr ").append(a.format()).append('\n');
        }
        for (SaLine s : sas) {
            sb.append(s.encode()).append('\n');
        }
        for (String p : policies) {
            sb.append("policy ").append(p).append('\n');
        }
        return sb.toString();
    }

    /** Decodes a summary; throws {@link IllegalArgumentException} saying which line is wrong. */
    static Summary decode(String text) {
        String name = null;
        List<IpAddress> addrs = new ArrayList<>();
        List<SaLine> sas = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            String[] w = line.split(" ");
            try {
                switch (w[0]) {
                    case "name" -> name = w[1];
                    case "addr" -> addrs.add(IpAddress.parse(w[1]));
                    case "sa" -> sas.add(SaLine.decode(w));
                    case "policy" -> policies.add(line.substring("policy ".length()));
                    default -> throw new IllegalArgumentException("unknown item \"" + w[0] + "\"");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("summary line " + n + ": " + e.getMessage(), e);
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("summary without a name line");
        }
        return new Summary(name, addrs, sas, policies);
    }

    /** The policies as a scratch SPD, for lookups exactly as the host would make them. */
    Spd spd() {
        Spd spd = new Spd(Clock.systemUTC(), SpdListener.NONE);
        Setkey setkey = new Setkey(new Sad(Clock.systemUTC(), SadListener.NONE), spd, 0);
        setkey.run(String.join("\n", policies) + "\n", name + " policies", new SetkeyListener() {
            @Override
            public void output(String text) {
            }

            @Override
            public void diagnostic(org.jsetkey.engine.setkey.Diagnostic d) {
            }
        });
        return spd;
    }

    boolean owns(IpAddress a) {
        return addresses.contains(a);
    }
}
