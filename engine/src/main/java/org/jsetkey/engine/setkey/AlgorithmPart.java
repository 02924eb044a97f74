package org.jsetkey.engine.setkey;

import org.jsetkey.engine.crypto.Algorithm;

/** {@code -E ealg key -A aalg key} or {@code -C calg -R} as read (keys already length-checked). */
final class AlgorithmPart {
    Algorithm enc;
    byte[] encKey;
    Token encToken;
    Algorithm auth;
    byte[] authKey;
    Token authToken;
    Algorithm comp;
    boolean rawCpi;
}
