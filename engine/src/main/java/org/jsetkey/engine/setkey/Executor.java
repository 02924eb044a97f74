package org.jsetkey.engine.setkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsetkey.engine.Refusal;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.sad.SaEntry;
import org.jsetkey.engine.sad.SaId;
import org.jsetkey.engine.sad.SaState;
import org.jsetkey.engine.sad.SecurityAssociation;
import org.jsetkey.engine.setkey.stmt.Add;
import org.jsetkey.engine.setkey.stmt.Delete;
import org.jsetkey.engine.setkey.stmt.DeleteAll;
import org.jsetkey.engine.setkey.stmt.Dump;
import org.jsetkey.engine.setkey.stmt.Flush;
import org.jsetkey.engine.setkey.stmt.Get;
import org.jsetkey.engine.setkey.stmt.SaProtocol;
import org.jsetkey.engine.setkey.stmt.SpdAdd;
import org.jsetkey.engine.setkey.stmt.SpdDelete;
import org.jsetkey.engine.setkey.stmt.SpdDump;
import org.jsetkey.engine.setkey.stmt.SpdFlush;
import org.jsetkey.engine.setkey.stmt.SpdUpdate;
import org.jsetkey.engine.setkey.stmt.Statement;
import org.jsetkey.engine.setkey.stmt.Update;
import org.jsetkey.engine.spd.Policy;
import org.jsetkey.engine.spd.PolicyAction;
import org.jsetkey.engine.spd.Spd;

/**
 * Applies parsed statements to a SAD and SPD. A refused statement throws {@link Refusal}
 * before anything changed; what a statement prints is returned.
 */
final class Executor {
    private final Sad sad;
    private final Spd spd;
    private final DumpPrinter dumpPrinter;
    private final PolicyPrinter policyPrinter;

    Executor(Sad sad, Spd spd, long pid) {
        this.sad = sad;
        this.spd = spd;
        this.dumpPrinter = new DumpPrinter(sad.clock().getZone(), pid);
        this.policyPrinter = new PolicyPrinter(sad.clock().getZone(), pid);
    }

    /** Applies {@code s}; returns the text it prints ("" for none). */
    String apply(Statement s) {
        if (s instanceof Add a) {
            sad.add(implemented(a.sa()));
        } else if (s instanceof Update u) {
            sad.update(implemented(u.sa()));
        } else if (s instanceof Get g) {
            return dumpPrinter.printOne(find(g.src(), g.dst(), g.protocol(), g.spi()), sad.clock().millis());
        } else if (s instanceof Delete d) {
            sad.delete(find(d.src(), d.dst(), d.protocol(), d.spi()).id());
        } else if (s instanceof DeleteAll d) {
            if (sad.deleteAll(d.src(), d.dst(), d.protocol().type()).isEmpty()) {
                throw new Refusal(Refusal.NO_ENTRY, "no " + d.protocol().keyword() + " SA from " + d.src()
                        + " to " + d.dst());
            }
        } else if (s instanceof Flush f) {
            sad.flush(f.protocol() == null ? null : f.protocol().type());
        } else if (s instanceof Dump d) {
            return dumpSad(d.protocol(), false);
        } else if (s instanceof SpdAdd a) {
            spd.add(a.policy());
        } else if (s instanceof SpdUpdate u) {
            spd.update(u.policy());
        } else if (s instanceof SpdDelete d) {
            spd.delete(new Policy(d.selector(), d.direction(), null, PolicyAction.NONE, List.of(), d.context()));
        } else if (s instanceof SpdFlush) {
            spd.flush();
        } else if (s instanceof SpdDump) {
            return dumpSpd();
        }
        return "";
    }

    String dumpSad(SaProtocol protocol, boolean includeDead) {
        StringBuilder sb = new StringBuilder();
        dumpSad(protocol, includeDead, sb);
        return sb.toString();
    }

    void dumpSad(SaProtocol protocol, boolean includeDead, Appendable out) {
        List<SaEntry> shown = new ArrayList<>();
        List<SaState> states = new ArrayList<>();
        for (SaEntry e : sad.snapshot()) {
            SaState state = e.state();
            if ((includeDead || state != SaState.DEAD) && (protocol == null || e.sa().type() == protocol.type())
                    && (protocol != SaProtocol.ESP_UDP || e.sa().udpEncapsulated())) {
                shown.add(e);
                states.add(state);
            }
        }
        dumpPrinter.print(shown, states, sad.clock().millis(), out);
    }

    String dumpSpd() {
        return policyPrinter.print(spd.snapshot());
    }

    /** The kernel refuses what it cannot run: {@code oui} has no implementation anywhere. */
    private static SecurityAssociation implemented(SecurityAssociation sa) {
        if (sa.compAlg() != null && sa.compAlg().name().equals("oui")) {
            throw new Refusal(Refusal.INVALID_ARGUMENT, "compression algorithm oui has no implementation");
        }
        return sa;
    }

    /** The SA with this id whose source also matches, as KAME's key_get compares both addresses. */
    private SaEntry find(IpAddress src, IpAddress dst, SaProtocol protocol, long spi) {
        SaId id = new SaId(dst, protocol.type(), spi);
        Optional<SaEntry> e = sad.get(id).filter(x -> x.sa().src().equals(src) && x.state() != SaState.DEAD);
        return e.orElseThrow(() -> new Refusal(Refusal.NO_ENTRY, "no " + protocol.keyword() + " SA with spi "
                + spi + String.format("(0x%08x)", spi) + " from " + src + " to " + dst));
    }
}
