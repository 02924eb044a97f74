package org.jsetkey.engine.setkey;

import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.sad.NatT;
import org.jsetkey.engine.sad.SaMode;
import org.jsetkey.engine.sad.SecurityContext;

/** The SA options (architecture.md §4) as read; repeated options overwrite, -f flags accumulate. */
final class SaOptions {
    SaMode mode = SaMode.ANY;
    long replay;
    Token replayToken;
    long reqid;
    int padFlags;
    boolean noCyclicSeq;
    long hardSeconds;
    long softSeconds;
    long hardBytes;
    long softBytes;
    SecurityContext context;
    /** FreeBSD's {@code -natt OAI[sport] OAR[dport]}: null when not given. */
    NatT natt;
    Token nattMtuToken;
    int nattMtu;

    /** The flag word before the protocol and algorithm bits are added. */
    int flags() {
        int f = Algorithms.FLAG_CYCSEQ | padFlags;
        return noCyclicSeq ? f & ~Algorithms.FLAG_CYCSEQ : f;
    }
}
