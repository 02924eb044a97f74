package org.jsetkey.shell.console;

/** The console prompts: {@code jsetkey> } or {@code jsetkey[NAME]> }, and the continuation prompt. */
public record Prompt(String primary, String continuation) {

    public static Prompt forHost(String hostName) {
        String primary = hostName == null || hostName.isEmpty() ? "jsetkey> " : "jsetkey[" + hostName + "]> ";
        return new Prompt(primary, " ".repeat(primary.length() - 2) + "> ");
    }
}
