package org.jsetkey.shell.complete;

import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.crypto.Algorithm;
import org.jsetkey.engine.crypto.AlgorithmKind;
import org.jsetkey.engine.crypto.Algorithms;
import org.jsetkey.engine.setkey.Expectation;
import org.jsetkey.engine.setkey.Grammar;
import org.jsetkey.engine.setkey.OptionSpec;
import org.jsetkey.engine.setkey.StatementSpec;
import org.jsetkey.shell.command.Suggestion;
import org.jsetkey.shell.command.Typed;

/**
 * Completion inside setkey statements, read from {@link Grammar#expectedAt}: the grammar says
 * what comes next and which words are valid; this adds descriptions and the values only the
 * host knows (addresses, SPIs).
 */
final class GrammarCompletion {
    private final KnownAddresses addresses;
    private final ExistingSpis spis;

    GrammarCompletion(KnownAddresses addresses, ExistingSpis spis) {
        this.addresses = addresses;
        this.spis = spis;
    }

    List<Suggestion> suggestions(Typed typed) {
        Expectation e = Grammar.expectedAt(typed.before());
        if (!typed.word().endsWith(e.partial())) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        switch (e.kind()) {
            case ADDRESS:
            case RANGE:
                addAll(out, typed, e.partial(), addresses.matching(e.partial()));
                break;
            case AIFLAGS:
                words(out, typed, e);
                if (!e.partial().startsWith("-")) {
                    addAll(out, typed, e.partial(), addresses.matching(e.partial()));
                }
                break;
            case SPI:
                addAll(out, typed, e.partial(), spis.matching(typed.before(), e.partial()));
                break;
            case STATEMENT:
                for (String w : e.candidates()) {
                    String help = Grammar.statement(w).map(StatementSpec::help).orElse("");
                    out.add(new Suggestion(typed.replaceTail(e.partial().length(), w), w, help, true));
                }
                break;
            case SA_OPTIONS:
                for (String w : e.candidates()) {
                    out.add(new Suggestion(typed.replaceTail(e.partial().length(), w), w, optionHelp(w), true));
                }
                break;
            case ENC_ALGORITHM:
                algorithms(out, typed, e, AlgorithmKind.ENCRYPT);
                break;
            case AUTH_ALGORITHM:
                algorithms(out, typed, e, AlgorithmKind.AUTH);
                break;
            case COMP_ALGORITHM:
                algorithms(out, typed, e, AlgorithmKind.COMPRESS);
                break;
            case RULE:
                rules(out, typed, e);
                break;
            case INVALID:
            case KEY:
                break;
            default:
                words(out, typed, e);
        }
        return out;
    }

    private static void words(List<Suggestion> out, Typed typed, Expectation e) {
        for (String w : e.candidates()) {
            out.add(new Suggestion(typed.replaceTail(e.partial().length(), w), w, "", true));
        }
    }

    private static void addAll(List<Suggestion> out, Typed typed, String partial, List<Suggestion> found) {
        for (Suggestion s : found) {
            out.add(new Suggestion(typed.replaceTail(partial.length(), s.value()), s.display(), s.description(),
                    s.complete()));
        }
    }

    /** The algorithms the grammar allows here, each with its key size and summary. */
    private static void algorithms(List<Suggestion> out, Typed typed, Expectation e, AlgorithmKind kind) {
        for (String w : e.candidates()) {
            String description = Algorithms.find(kind, w).map(GrammarCompletion::describe).orElse("");
            out.add(new Suggestion(typed.replaceTail(e.partial().length(), w), w, description, true));
        }
    }

    static String describe(Algorithm a) {
        return a.keySizes().describeBytes() + ", " + a.summary();
    }

    /** Policy rules: after "esp/transport//" the list shows just the levels; "esp/tunnel/" still needs its ends. */
    private static void rules(List<Suggestion> out, Typed typed, Expectation e) {
        int cut = e.partial().lastIndexOf('/') + 1;
        for (String w : e.candidates()) {
            String shown = cut > 0 && w.length() > cut ? w.substring(cut) : w;
            out.add(new Suggestion(typed.replaceTail(e.partial().length(), w), shown, "", !w.endsWith("/")));
        }
    }

    private static String optionHelp(String option) {
        for (OptionSpec o : Grammar.saOptions()) {
            if (o.option().equals(option)) {
                return o.help();
            }
        }
        for (OptionSpec o : Grammar.algorithmOptions()) {
            if (o.option().equals(option)) {
                return o.help();
            }
        }
        return "";
    }
}
