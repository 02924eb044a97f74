package org.jsetkey.shell.groovy;

/** The text of {@code help groovy}: the scripting API. */
final class GroovyHelp {
    static final String TEXT = String.join("\n",
            "Evaluates Groovy EXPR and prints its value; without EXPR enters the Groovy mode",
            "(prompt groovy>, Tab completes names, exit returns). Variables assigned without",
            "'def' persist. Scripts: run FILE.groovy [ARGS], or jsetkey --script FILE.groovy [ARGS].",
            "The binding (every call also works on a host: h.ping(...), h.setkey(...), ...):",
            String.join("\n", GroovyApi.helpLines()));

    private GroovyHelp() {
    }
}
