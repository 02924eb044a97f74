package org.jsetkey.engine.sad;

/** An SELinux security context ({@code -ctx doi alg "text"}), stored and dumped only. */
public record SecurityContext(int doi, int algorithm, String context) {
}
