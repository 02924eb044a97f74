package org.jsetkey.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.sysctl.Knob;
import org.jsetkey.engine.sysctl.Sysctl;
import org.junit.jupiter.api.Test;

class HelpCommandTest {
    private final Sysctl sysctl = new Sysctl();
    private final RecordingOutput output = new RecordingOutput();
    private final Interpreter interpreter = Interpreter.create(sysctl, new FakeSetkey(), new Session(), output);

    private String help(String args) {
        assertEquals(Outcome.OK, interpreter.accept("help " + args), output.err.toString());
        return output.out.toString();
    }

    private static String lineStarting(String text, String start) {
        for (String line : text.split("\n")) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with \"" + start + "\" in:\n" + text);
    }

    @Test
    void encryptionTableHasEveryCipherWithKeyIvIcvAndRfc() {
        String text = help("-E");
        assertTrue(text.startsWith("Encryption algorithms (-E ealg key)"), text);
        for (Algorithm a : Algorithms.of(AlgorithmKind.ENCRYPT)) {
            assertTrue(text.contains(a.name()), a.name());
        }
        String gcm = lineStarting(text, "  aes-gcm-16 ");
        assertTrue(gcm.matches("  aes-gcm-16 +20, 28 or 36 bytes +8 +16 +RFC 4106 +esp,esp-udp +AES-GCM.*"), gcm);
        assertTrue(lineStarting(text, "  rijndael-cbc (aes-cbc) ").contains("RFC 3602"), text);
        assertTrue(lineStarting(text, "  des-32iv ").contains(" esp-old "), text);
    }

    @Test
    void authAndCompressionTables() {
        String auth = help("-A");
        String md5 = lineStarting(auth, "  hmac-md5 ");
        assertTrue(md5.matches("  hmac-md5 +16 bytes +- +12 +RFC 2403 +esp,esp-old,esp-udp,ah,ah-old +HMAC-MD5-96"), md5);
        assertTrue(lineStarting(auth, "  tcp-md5 ").contains(" tcp "), auth);
        output.out.setLength(0);
        assertTrue(lineStarting(help("-C"), "  deflate ").contains("RFC 2394"));
    }

    @Test
    void statementHelpComesFromTheGrammar() {
        String text = help("add");
        assertTrue(text.startsWith("add [aiflags] <src> <dst> <protocol> <spi> [options] <algorithm> ;\n"), text);
        assertTrue(text.contains("    -m         SA mode: transport, tunnel or any"), text);
        assertTrue(text.contains("algorithms: help -E, help -A, help -C"), text);
    }

    @Test
    void sysctlHelpListsTheKnobsWithRangesAndDescriptions() {
        String text = help("sysctl");
        assertTrue(text.startsWith("sysctl [-adeiNnq]"), text);
        for (Knob k : sysctl.knobs()) {
            assertTrue(text.contains(k.name()), k.name());
        }
        String ecn = lineStarting(text.replaceAll("\n {20,}", " "), "  net.inet.ipsec.ecn ");
        assertTrue(ecn.contains("-1..1 (0)") && ecn.contains("ECN at tunnel encapsulation"), ecn);
        assertTrue(lineStarting(text, "  net.inet.ipsec.crypto_support").contains("read-only"), text);
    }

    private String listAt(int width) {
        RecordingOutput narrow = new RecordingOutput() {
            @Override
            public int width() {
                return width;
            }
        };
        Interpreter i = Interpreter.create(sysctl, new FakeSetkey(), new Session(), narrow);
        assertEquals(Outcome.OK, i.accept("help"));
        assertEquals(Outcome.OK, i.accept("help sysctl"));
        return narrow.out.toString();
    }

    @Test
    void helpWrapsToTheTerminalWidthAndNeverCutsASentence() {
        for (int width : new int[] {80, 100}) {
            String text = listAt(width);
            for (String line : text.split("\n")) {
                assertTrue(line.length() <= width, width + ": " + line);
            }
            String joined = text.replaceAll("\n +", " ");
            assertTrue(joined.contains("Shows or sets kernel knobs as FreeBSD's sysctl does."), joined);
            assertTrue(joined.contains("Prints the SAD (all SAs, or those of one protocol: esp, ah, ipcomp...)"
                    + " as setkey -D does."), joined);
            assertTrue(text.contains("\n  sleep SECONDS" + " ".repeat(13) + "Waits SECONDS"), text);
        }
        assertTrue(listAt(80).contains("\n  help [command | statement | -E | -A | -C]\n" + " ".repeat(28) + "Lists"),
                listAt(80));
    }

    @Test
    void listNamesEveryStatementWithItsHelp() {
        String text = help("");
        assertTrue(text.contains("  spdadd     add a security policy"), text);
        assertTrue(text.contains("help [command | statement | -E | -A | -C]"), text);
    }
    @Test
    void commandHelpIsRefilledAsParagraphsNotWrappedLineByLine() {
        for (int width : new int[] {60, 80, 200}) {
            RecordingOutput narrow = new RecordingOutput() {
                @Override
                public int width() {
                    return width;
                }
            };
            CommandRegistry registry = new CommandRegistry();
            Interpreter i = Interpreter.create(registry, sysctl, new FakeSetkey(), new Session(), narrow);
            registry.register(new LinkCommand(null));
            assertEquals(Outcome.OK, i.accept("help link"));
            String text = narrow.out.toString();
            assertTrue(text.startsWith("link | link impair"), text);
            // the first paragraph of the help: filled to the width, no short line inside, no deeper indent
            String[] lines = text.substring(text.indexOf("\n  Shows the UDP test link") + 1).split("\n");
            for (int n = 0; n < lines.length; n++) {
                assertTrue(lines[n].startsWith("  ") && !lines[n].startsWith("   "), width + ": " + lines[n]);
                assertTrue(lines[n].length() <= width, width + ": " + lines[n]);
                if (lines[n].endsWith("destination).")) {
                    break;
                }
                assertTrue(lines[n].length() > width - 20, width + ": a short line inside: " + lines[n]);
            }
            narrow.out.setLength(0);
            assertEquals(Outcome.OK, i.accept("help save"));
            String save = narrow.out.toString();
            assertTrue(save.contains("\n  --format ip-xfrm writes"), save);
            assertTrue(text.replaceAll("\n  ", " ").contains("(every peer when none is named; PEER is its name"), text);
            assertTrue(save.replaceAll("\n  ", " ").contains("so 'jsetkey -f FILE', '--boot FILE' or 'run FILE'"
                    + " rebuilds them."), save);
        }
    }
}
