package org.jsetkey.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SynopsisTest {
    @Test
    void flagsWithArgumentsAndOperands() {
        Synopsis s = Synopsis.parse("ping [-c N] [-i SEC] [-s SIZE] [-P POLICY] DEST");
        assertEquals(List.of(new Synopsis.Flag("-c", "N"), new Synopsis.Flag("-i", "SEC"),
                new Synopsis.Flag("-s", "SIZE"), new Synopsis.Flag("-P", "POLICY")), s.flags());
        assertEquals(List.of("DEST"), s.operands());
    }

    @Test
    void aBracketedClusterIsSingleLetterFlags() {
        Synopsis s = Synopsis.parse("sysctl [-adeiNnq] [name[=value] ...]");
        assertEquals(List.of("-a", "-d", "-e", "-i", "-N", "-n", "-q"),
                s.flags().stream().map(Synopsis.Flag::name).toList());
        assertTrue(s.flags().stream().allMatch(f -> f.argument() == null));
    }

    @Test
    void alternativesAndMultiLetterFlags() {
        Synopsis s = Synopsis.parse("netstat -s [-p esp|ah|ipcomp] [-z] [-lh SECONDS]");
        assertEquals(List.of(new Synopsis.Flag("-s", null), new Synopsis.Flag("-p", "esp"),
                new Synopsis.Flag("-z", null), new Synopsis.Flag("-lh", "SECONDS")), s.flags());
    }

    @Test
    void theChoicesOfAnArgumentAreNoOperands() {
        Synopsis s = Synopsis.parse("save [--format setkey|ip-xfrm] [FILE]");
        assertEquals(List.of(new Synopsis.Flag("--format", "setkey")), s.flags());
        assertEquals(List.of("FILE"), s.operands());
    }

    @Test
    void argumentNamesSayWhatTheyTake() {
        for (String file : List.of("FILE", "SCRIPT")) {
            assertTrue(Synopsis.namesFile(file), file);
        }
        for (String address : List.of("DEST", "ADDRESS")) {
            assertTrue(Synopsis.namesAddress(address), address);
        }
        assertEquals(false, Synopsis.namesAddress("N"));
    }
}
