package de.digitalstrategie.cockpit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A golden file in the manner of XWiki rendering's {@code .test} files: what is rendered, for whom,
 * and the exact markup expected, in one file a reader can open. The format:
 *
 * <pre>
 * .# a comment (what the case shows)
 * .viewer|cdo                 who views it (a user key, or "anonymous")
 * .locale|de                  the viewer's language
 * .page|2001                  optional: the page the macro sits on
 * .request|c1f2e3d4.page=2    optional, repeatable: a parameter of the page's address
 * .output|pdf                 optional: what it is rendered for (default "display")
 * .input|storage
 * &lt;ac:structured-macro ...&gt;...&lt;/ac:structured-macro&gt;
 * .expect|html
 * ...the rendered markup, to the end of the file...
 * </pre>
 *
 * Separator lines starting with {@code .#} may stand before and after each block. A new case is
 * written with an empty {@code .expect|html} block and filled by a run with
 * {@code -Dgolden.update=true}, then read before it is committed. Line endings
 * and trailing whitespace are not part of the comparison, so a file reads the same on every
 * machine and in every editor; everything else is.
 */
public record GoldenFile(Path path, String name, Map<String, List<String>> settings, String input, String expected,
                         String head) {
    public static final String INPUT = ".input|storage";
    public static final String EXPECT = ".expect|html";

    /** Every {@code .test} file under {@code root}, in path order, named by its path below it. */
    public static List<GoldenFile> all(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".test")).sorted()
                    .map(p -> read(p, root.relativize(p).toString().replace('\\', '/'))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GoldenFile read(Path path, String name) {
        try {
            return parse(path, name, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoldenFile parse(Path path, String name, String text) {
        List<String> lines = List.of(normalise(text).split("\n", -1));
        Map<String, List<String>> settings = new LinkedHashMap<>();
        int i = 0;
        for (; i < lines.size() && !lines.get(i).equals(INPUT); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith(".#")) {
                continue;
            }
            int bar = line.indexOf('|');
            if (!line.startsWith(".") || bar < 0) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected \".name|value\", \".#\" or "
                        + INPUT + ", found: " + line);
            }
            settings.computeIfAbsent(line.substring(1, bar), k -> new ArrayList<>()).add(line.substring(bar + 1));
        }
        if (i == lines.size()) {
            throw new IllegalArgumentException(name + ": no " + INPUT + " line");
        }
        i = skipComments(lines, i + 1);
        int inputStart = i;
        while (i < lines.size() && !lines.get(i).startsWith(".")) {
            i++;
        }
        String input = String.join("\n", lines.subList(inputStart, i)).strip();
        i = skipComments(lines, i);
        if (i == lines.size() || !lines.get(i).equals(EXPECT)) {
            throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected " + EXPECT);
        }
        i = skipComments(lines, i + 1);
        String head = String.join("\n", lines.subList(0, i)) + "\n";
        String expected = normalise(String.join("\n", lines.subList(i, lines.size())));
        return new GoldenFile(path, name, settings, input, expected, head);
    }

    private static int skipComments(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).startsWith(".#")) {
            i++;
        }
        return i;
    }

    /** The one value of a setting, or {@code fallback}; a setting given twice where one is meant is a mistake. */
    public String setting(String key, String fallback) {
        List<String> values = settings.getOrDefault(key, List.of());
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + ": ." + key + " given " + values.size() + " times");
        }
        return values.isEmpty() ? fallback : values.get(0);
    }

    public String required(String key) {
        String value = setting(key, null);
        if (value == null) {
            throw new IllegalArgumentException(name + ": no ." + key + " line");
        }
        return value;
    }

    public List<String> all(String key) {
        return settings.getOrDefault(key, List.of());
    }

    /** Writes {@code actual} as the expected markup, keeping everything above it as written. */
    public void update(String actual) {
        try {
            Files.writeString(path, head + normalise(actual) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is compared: LF line endings, no whitespace at the end of a line, no empty lines at
     * the end. Whitespace inside and at the start of lines is markup and stays.
     */
    public static String normalise(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }

    /**
     * A unified diff of two texts, line by line, with three lines of context: what a reader of a
     * failed test needs to see what changed in the markup. Empty when they are equal.
     */
    public static String diff(String expectedLabel, String expected, String actualLabel, String actual) {
        List<String> a = List.of(expected.split("\n", -1));
        List<String> b = List.of(actual.split("\n", -1));
        List<Edit> edits = edits(a, b);
        if (edits.stream().allMatch(e -> e.kind == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- ").append(expectedLabel).append('\n')
                .append("+++ ").append(actualLabel).append('\n');
        int context = 3;
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind == ' ') {
                i++;
                continue;
            }
            // A hunk: from the change, over every further change less than two contexts away.
            int start = Math.max(0, i - context);
            int end = i;
            int quiet = 0;
            for (int j = i; j < edits.size() && quiet <= 2 * context; j++) {
                if (edits.get(j).kind == ' ') {
                    quiet++;
                } else {
                    quiet = 0;
                    end = j;
                }
            }
            end = Math.min(edits.size() - 1, end + context);
            int aStart = 1;
            int bStart = 1;
            for (int k = 0; k < start; k++) {
                aStart += edits.get(k).kind != '+' ? 1 : 0;
                bStart += edits.get(k).kind != '-' ? 1 : 0;
            }
            int aCount = 0;
            int bCount = 0;
            for (int k = start; k <= end; k++) {
                aCount += edits.get(k).kind != '+' ? 1 : 0;
                bCount += edits.get(k).kind != '-' ? 1 : 0;
            }
            out.append("@@ -").append(aStart).append(',').append(aCount).append(" +").append(bStart).append(',')
                    .append(bCount).append(" @@\n");
            for (int k = start; k <= end; k++) {
                out.append(edits.get(k).kind).append(edits.get(k).line).append('\n');
            }
            i = end + 1;
        }
        return out.toString();
    }

    private record Edit(char kind, String line) {
    }

    /** The shortest edit from a to b, by the longest common subsequence of their lines. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int x = n - 1; x >= 0; x--) {
            for (int y = m - 1; y >= 0; y--) {
                lcs[x][y] = a.get(x).equals(b.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int x = 0;
        int y = 0;
        while (x < n || y < m) {
            if (x < n && y < m && a.get(x).equals(b.get(y))) {
                edits.add(new Edit(' ', a.get(x++)));
                y++;
            } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                edits.add(new Edit('-', a.get(x++)));
            } else {
                edits.add(new Edit('+', b.get(y++)));
            }
        }
        return edits;
    }
}
