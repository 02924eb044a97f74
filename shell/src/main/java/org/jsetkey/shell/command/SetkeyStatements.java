package org.jsetkey.shell.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The setkey statement keywords the console hands to the setkey language, with their synopsis for help. */
public final class SetkeyStatements {
    private static final Map<String, String> SYNOPSIS = new LinkedHashMap<>();

    static {
        SYNOPSIS.put("add", "add [-46n] src dst proto spi [ext...] algorithm... ;");
        SYNOPSIS.put("update", "update [-46n] src dst proto spi [ext...] algorithm... ;");
        SYNOPSIS.put("get", "get [-46n] src dst proto spi ;");
        SYNOPSIS.put("delete", "delete [-46n] src dst proto spi ;");
        SYNOPSIS.put("deleteall", "deleteall [-46n] src dst proto ;");
        SYNOPSIS.put("flush", "flush [proto] ;");
        SYNOPSIS.put("dump", "dump [proto] ;");
        SYNOPSIS.put("spdadd", "spdadd [-46n] src_range dst_range upperspec [label] policy ;");
        SYNOPSIS.put("spdupdate", "spdupdate [-46n] src_range dst_range upperspec [label] policy ;");
        SYNOPSIS.put("spddelete", "spddelete [-46n] src_range dst_range upperspec -P direction ;");
        SYNOPSIS.put("spdflush", "spdflush ;");
        SYNOPSIS.put("spddump", "spddump ;");
        SYNOPSIS.put("getspi", "getspi src dst proto ... ;");
    }

    private SetkeyStatements() {
    }

    public static boolean isKeyword(String word) {
        return SYNOPSIS.containsKey(word);
    }

    public static Iterable<String> keywords() {
        return SYNOPSIS.keySet();
    }

    public static Optional<String> synopsis(String keyword) {
        return Optional.ofNullable(SYNOPSIS.get(keyword));
    }
}
