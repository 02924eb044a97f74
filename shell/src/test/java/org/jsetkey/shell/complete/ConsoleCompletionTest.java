package org.jsetkey.shell.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.command.Command;
import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.ArgumentCompleter;
import org.jsetkey.shell.command.CommandRegistry;
import org.jsetkey.shell.command.FakeSetkey;
import org.jsetkey.shell.command.Interpreter;
import org.jsetkey.shell.command.RecordingOutput;
import org.jsetkey.shell.command.Session;
import org.jsetkey.shell.command.Suggestion;
import org.jsetkey.shell.command.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCompletionTest {
    @TempDir
    Path dir;

    private static final SetkeyListener QUIET = new SetkeyListener() {
        @Override
        public void output(String text) {
        }

        @Override
        public void diagnostic(org.jsetkey.engine.setkey.Diagnostic d) {
            throw new AssertionError(d.format());
        }
    };

    private final Host host = new Host("phoenix");
    private final CommandRegistry registry = new CommandRegistry();
    private ConsoleCompletion completion;

    /** A command known only by its synopsis, as the network commands are. */
    private record Stub(String name, String synopsis) implements Command {
        @Override
        public Usage usage() {
            return new Usage(name, synopsis, name + " does things");
        }

        @Override
        public boolean execute(List<String> args, CommandOutput output) {
            return true;
        }
    }

    /** A command with a completer of its own, as sysctl and help have. */
    private record Completing(String name, ArgumentCompleter completer) implements Command {
        @Override
        public Usage usage() {
            return new Usage(name, name + " [WORD]", name + " completes its own words");
        }

        @Override
        public boolean execute(List<String> args, CommandOutput output) {
            return true;
        }
    }

    /** The console's built-in commands (help, sysctl, save, ...) on this host's knobs. */
    private void builtins() {
        Interpreter.create(registry, host.sysctl(), new FakeSetkey(), new Session(), new RecordingOutput());
    }

    private List<Suggestion> complete(String line) {
        if (completion == null) {
            completion = new ConsoleCompletion(registry, host, dir);
        }
        return completion.suggestions(line, line.length());
    }

    private List<String> values(String line) {
        return complete(line).stream().map(Suggestion::value).toList();
    }

    private static String wordOf(String value) {
        return value.substring(value.lastIndexOf(' ') + 1);
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void authAlgorithmsForAhAreExactlyTheHmacOnesWithKeySizes() {
        List<Suggestion> got = complete("add 192.0.2.10 198.51.100.20 ah 15700 -A hm");
        List<String> expected = Algorithms.inputNames(AlgorithmKind.AUTH).stream()
                .filter(n -> n.startsWith("hmac-")).toList();
        assertEquals(expected, got.stream().map(Suggestion::value).toList());
        Map<String, String> descr = got.stream().collect(Collectors.toMap(Suggestion::value, Suggestion::description));
        assertEquals("16 bytes, HMAC-MD5-96", descr.get("hmac-md5"));
        assertEquals("32 bytes, HMAC-SHA-256-128", descr.get("hmac-sha2-256"));
    }

    @Test
    void ahRefusesNullAndEspOffersItsCiphers() {
        assertFalse(values("add 192.0.2.10 198.51.100.20 ah 15700 -A ").contains("null"));
        List<String> ciphers = values("add 192.0.2.10 198.51.100.20 esp 15700 -E ");
        assertTrue(ciphers.containsAll(List.of("3des-cbc", "blowfish-cbc", "aes-cbc", "aes-gcm-16", "null")),
                ciphers.toString());
        assertFalse(ciphers.contains("des-32iv"), "des-32iv is only for esp-old");
        assertFalse(ciphers.contains("hmac-md5"));
        Algorithm bf = Algorithms.find(AlgorithmKind.ENCRYPT, "blowfish-cbc").orElseThrow();
        Suggestion s = complete("add 192.0.2.10 198.51.100.20 esp 15700 -E blow").get(0);
        assertEquals("blowfish-cbc", s.value());
        assertEquals(bf.keySizes().describeBytes() + ", Blowfish-CBC", s.description());
        assertTrue(values("add 192.0.2.10 198.51.100.20 esp-old 15700 -E des-").contains("des-32iv"));
    }

    @Test
    void optionsValidAfterTheSpiDependOnTheProtocol() {
        List<String> ah = values("add 192.0.2.10 198.51.100.20 ah 15700 -");
        assertTrue(ah.containsAll(List.of("-m", "-r", "-A")), ah.toString());
        assertFalse(ah.contains("-E"));
        assertFalse(ah.contains("-C"));
        assertTrue(values("add 192.0.2.10 198.51.100.20 ipcomp 4000 -").contains("-C"));
        assertEquals(List.of("transport", "tunnel", "any"), values("add 192.0.2.10 198.51.100.20 esp 1 -m "));
    }

    @Test
    void policyLevelsAfterProtocolAndMode() {
        List<Suggestion> got = complete("spdadd 192.0.2.10 198.51.100.20 any -P out ipsec esp/transport//");
        assertEquals(List.of("esp/transport//default", "esp/transport//use", "esp/transport//require",
                "esp/transport//unique"), got.stream().map(Suggestion::value).toList());
        assertEquals(List.of("default", "use", "require", "unique"),
                got.stream().map(Suggestion::display).toList());
        assertEquals(List.of("in", "out", "fwd"), values("spdadd 192.0.2.10 198.51.100.20 any -P "));
        assertTrue(values("spdadd 192.0.2.10 198.51.100.20 any -P out ").contains("ipsec"));
    }

    @Test
    void statementContinuedOnASecondLineCompletesToo() {
        List<String> got = values("add 192.0.2.10 198.51.100.20\n  ah 15700 -A hmac-sha1 \"12345678901234567890\";\n"
                + "spdadd 192.0.2.10 198.51.100.20 any -P out ipsec ah/tr");
        assertEquals(List.of("ah/transport//default", "ah/transport//use", "ah/transport//require",
                "ah/transport//unique"), got);
    }

    @Test
    void addressSlotsOfferTheHostsOwnAndTheDatabasesAddresses() {
        host.addAddress(IpAddress.parse("192.0.2.10"));
        Setkey setkey = new Setkey(host.sad(), host.spd(), 1);
        setkey.run("add 192.0.2.10 198.51.100.20 esp 15701 -E null;\n"
                + "spdadd 203.0.113.0/24 192.0.2.10 any -P in none;", "t", QUIET);
        List<Suggestion> got = complete("add ");
        Map<String, String> descr = got.stream().collect(Collectors.toMap(Suggestion::value, Suggestion::description));
        assertEquals("this host", descr.get("192.0.2.10"));
        assertEquals("in the SAD", descr.get("198.51.100.20"));
        assertEquals("in the SPD", descr.get("203.0.113.0"));
        assertTrue(descr.containsKey("-4"), descr.toString());
        assertEquals(List.of("198.51.100.20"), values("add 192.0.2.10 198."));
        assertEquals(List.of("192.0.2.10"), values("spdadd -4 192."));
    }

    @Test
    void existingSpisAfterSourceDestinationAndProtocol() {
        Setkey setkey = new Setkey(host.sad(), host.spd(), 1);
        setkey.run("add 192.0.2.10 198.51.100.20 esp 15701 -E null;\nadd 192.0.2.10 198.51.100.20 esp 24501 -E null;\n"
                + "add 192.0.2.10 198.51.100.20 ah 15700 -A hmac-md5 \"1234567890123456\";\n"
                + "add 198.51.100.20 192.0.2.10 esp 999 -E null;", "t", QUIET);
        assertEquals(List.of("15701", "24501"), values("get 192.0.2.10 198.51.100.20 esp "));
        assertEquals(List.of("24501"), values("delete 192.0.2.10 198.51.100.20 esp 2"));
        assertEquals(List.of("15700"), values("delete 192.0.2.10 198.51.100.20 ah "));
        assertTrue(complete("get 192.0.2.10 198.51.100.20 esp ").get(0).description().startsWith("0x00003d55 "));
    }

    @Test
    void firstWordOffersCommandsAndStatements() {
        registry.register(new Stub("ping", "ping [-c N] [-i SEC] [-s SIZE] DEST"));
        registry.register(new Stub("sysctl", "sysctl [-adeiNnq] [name[=value] ...]"));
        assertEquals(List.of("ping"), values("pi"));
        List<Suggestion> sp = complete("spd");
        assertEquals(List.of("spdadd", "spdupdate", "spddelete", "spdflush", "spddump"),
                sp.stream().map(Suggestion::value).toList());
        assertEquals("add a security policy", sp.get(0).description());
    }

    @Test
    void sysctlNamesCompleteLevelByLevelAndValuesAfterEquals() {
        builtins();
        assertEquals(List.of("net.inet.ipsec.esp_trans_deflev"), values("sysctl net.inet.ipsec.esp_tr"));
        assertFalse(complete("sysctl net.inet.ipsec.esp_tr").get(0).complete(), "no blank before '='");
        assertTrue(complete("sysctl net.inet.ipsec.crypto_supp").get(0).complete(), "a read-only knob ends");
        List<Suggestion> nodes = complete("sysctl net.inet.ips");
        assertEquals(List.of("net.inet.ipsec."), nodes.stream().map(Suggestion::value).toList());
        assertFalse(nodes.get(0).complete());
        List<Suggestion> levels = complete("sysctl net.inet.ipsec.esp_trans_deflev=");
        assertEquals(List.of("net.inet.ipsec.esp_trans_deflev=1", "net.inet.ipsec.esp_trans_deflev=2",
                "net.inet.ipsec.esp_trans_deflev=3"), levels.stream().map(Suggestion::value).toList());
        assertEquals(List.of("use (current)", "require", "unique"),
                levels.stream().map(Suggestion::description).toList());
        assertEquals(List.of("0", "1"), complete("sysctl net.inet.ip.forwarding=").stream()
                .map(Suggestion::display).toList());
        assertEquals(List.of("-1", "0", "1"), complete("sysctl -w net.inet.ipsec.ecn=").stream()
                .map(Suggestion::display).toList());
    }

    @Test
    void flagsOfANewCommandComeFromItsSynopsis() {
        registry.register(new Stub("ping", "ping [-c N] [-i SEC] [-s SIZE] [-P POLICY] DEST"));
        registry.register(new Stub("tcpdump", "tcpdump [-nv] [-c N] [-w FILE] [-r FILE]"));
        assertEquals(List.of("-c", "-i", "-s", "-P"), values("ping -"));
        assertEquals(List.of("-n", "-v", "-c", "-w", "-r"), values("tcpdump -"));
        assertEquals(List.of(), values("ping -c "));
    }

    @Test
    void fileNamesAfterFileArgumentsAndRun() throws Exception {
        Files.writeString(dir.resolve("phoenix.conf"), "");
        Files.createDirectory(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles").resolve("two.groovy"), "");
        registry.register(new Stub("tcpdump", "tcpdump [-nv] [-c N] [-w FILE] [-r FILE]"));
        registry.register(new Stub("run", "run SCRIPT [ARGS...]"));
        builtins();
        assertEquals(List.of("tcpdump -w phoenix.conf", "tcpdump -w profiles/"),
                complete("tcpdump -w ").stream().map(s -> "tcpdump -w " + s.value()).toList());
        List<Suggestion> dirs = complete("run pro");
        assertEquals(List.of("profiles/"), dirs.stream().map(Suggestion::value).toList());
        assertFalse(dirs.get(0).complete());
        assertEquals(List.of("profiles/two.groovy"), values("run profiles/t"));
        assertEquals(List.of("phoenix.conf"), values("save ph"));
    }

    @Test
    void addressOperandsOfferKnownAddresses() {
        host.addAddress(IpAddress.parse("192.0.2.10"));
        registry.register(new Stub("ping", "ping [-c N] DEST"));
        assertTrue(values("ping ").contains("192.0.2.10"));
        assertEquals(List.of("192.0.2.10"), values("ping -c 3 19"));
    }

    @Test
    void helpTopicsIncludeTheAlgorithmTables() {
        builtins();
        assertEquals(List.of("-E", "-A", "-C"), values("help -"));
        assertTrue(values("help spd").contains("spdadd"));
    }

    @Test
    void aCommandsOwnCompleterAndAModeTakeOver() {
        registry.register(new Completing("groovy", (typed, context) -> List.of(Suggestion.of("host"),
                Suggestion.of("setkey"))));
        assertEquals(List.of("host", "setkey"), values("groovy ho"));
        completion.followMode(() -> (line, cursor) -> List.of(Suggestion.of("binding")));
        assertEquals(List.of("binding"), values("add "));
        completion.followMode(() -> null);
        assertTrue(values("add 192.0.2.10 198.51.100.20 ").contains("esp"));
    }

    @Test
    void aNewCommandCompletesWithItsOwnCompleterAndTheConsolesAddressesAndFiles() throws Exception {
        Files.writeString(dir.resolve("west.conf"), "");
        host.addAddress(IpAddress.parse("192.0.2.10"));
        registry.register(new Completing("route", (typed, context) -> {
            List<Suggestion> out = new ArrayList<>();
            if (typed.done().size() == 1) {
                for (String w : List.of("add", "delete", "show")) {
                    if (w.startsWith(typed.word())) {
                        out.add(Suggestion.of(w, "a " + typed.command() + " verb"));
                    }
                }
            } else if (typed.previous().equals("add")) {
                out.addAll(context.addresses(typed.word()));
            } else {
                out.addAll(context.files(typed.word()));
            }
            return out;
        }));
        assertEquals(List.of("route"), values("rou"));
        List<Suggestion> verbs = complete("route ");
        assertEquals(List.of("add", "delete", "show"), verbs.stream().map(Suggestion::value).toList());
        assertEquals("a route verb", verbs.get(0).description());
        assertEquals(List.of("delete"), values("route d"));
        assertEquals(List.of("192.0.2.10"), values("route add 19"));
        assertEquals(List.of("west.conf"), values("route show we"));
    }
}
