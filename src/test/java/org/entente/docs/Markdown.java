package org.entente.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A markdown document as the docs checks read it: its lines, and its fenced code blocks with their info
 * strings. Only what the checks need; not a markdown parser.
 */
record Markdown(String name, Path dir, List<String> lines, List<Block> blocks) {

    /** A fenced block: its info string (```` ```console check ```` has info {@code console check}), first content line (1-based) and content. */
    record Block(String info, int firstLine, List<String> lines) {

        /** Whether the info string has this word after the language, e.g. {@code check} in {@code console check}. */
        boolean has(String word) {
            List<String> words = List.of(info.split("\\s+"));
            return words.size() > 1 && words.subList(1, words.size()).contains(word);
        }

        /** The value of {@code key=value} in the info string, or null. */
        String attribute(String key) {
            for (String word : info.split("\\s+")) {
                if (word.startsWith(key + "=")) {
                    return word.substring(key.length() + 1);
                }
            }
            return null;
        }
    }

    static Markdown read(Path file, Path root) {
        try {
            return parse(root.relativize(file).toString(), file.getParent(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Markdown parse(String name, Path dir, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        List<Block> blocks = new ArrayList<>();
        String fence = null;
        String info = null;
        int first = 0;
        List<String> content = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
                info = trimmed.substring(3).strip();
                first = i + 2;
                content = new ArrayList<>();
            } else if (fence != null && trimmed.equals(fence)) {
                blocks.add(new Block(info, first, List.copyOf(content)));
                fence = null;
            } else if (fence != null) {
                content.add(line);
            }
        }
        return new Markdown(name, dir, lines, List.copyOf(blocks));
    }

    /** Whether 1-based line {@code n} is inside a fenced block (fence lines included). */
    boolean fenced(int n) {
        for (Block block : blocks) {
            if (n >= block.firstLine() - 1 && n <= block.firstLine() + block.lines().size()) {
                return true;
            }
        }
        return false;
    }
}
