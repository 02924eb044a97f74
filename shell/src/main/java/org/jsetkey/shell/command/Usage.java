package org.jsetkey.shell.command;

/**
 * How a command is used, declared once: the word that invokes it, its one-line synopsis
 * ({@code name ARGS}, which help lists and completion reads) and a few lines of help.
 */
public record Usage(String name, String synopsis, String help) {
}
