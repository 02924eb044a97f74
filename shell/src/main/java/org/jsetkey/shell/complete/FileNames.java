package org.jsetkey.shell.complete;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jsetkey.shell.command.Suggestion;

/** File names for a partly typed path, relative to the working directory; directories end in "/" and stay open. */
final class FileNames {
    private static final int LIMIT = 500;

    private final Path base;

    FileNames(Path base) {
        this.base = base;
    }

    List<Suggestion> matching(String typed) {
        int slash = typed.lastIndexOf('/');
        String dirPart = typed.substring(0, slash + 1);
        String namePart = typed.substring(slash + 1);
        Path dir = dirPart.isEmpty() ? base : base.resolve(dirPart.equals("/") ? "/" : dirPart);
        List<Suggestion> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(namePart) || name.startsWith(".") && !namePart.startsWith(".")) {
                    continue;
                }
                boolean isDir = Files.isDirectory(p);
                String value = dirPart + name + (isDir ? "/" : "");
                out.add(new Suggestion(value, name + (isDir ? "/" : ""), "", !isDir));
                if (out.size() >= LIMIT) {
                    break;
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(Suggestion::value));
        return out;
    }
}
