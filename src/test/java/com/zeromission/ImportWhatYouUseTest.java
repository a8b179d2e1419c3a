package com.zeromission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Import what you use (issue 17): code names our own types by their simple names and imports them, so a file's
 * dependencies on other modules read from its import lines, where reviewers and {@code ApplicationModules.verify()}
 * readers look. A fully qualified {@code com.zeromission.…} name in code hides such a dependency in the middle of a
 * method. Comments, javadoc ({@code {@link …}}), string literals, text blocks and character literals are not code
 * and are blanked before the search; {@code package} and {@code import} lines are where the name belongs.
 */
class ImportWhatYouUseTest {

    static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("src/tools/java"), Path.of("src/test/java"));

    private static final Pattern QUALIFIED = Pattern.compile("\\bcom\\s*\\.\\s*zeromission(?:\\s*\\.\\s*\\w+)+");
    private static final Pattern PACKAGE_OR_IMPORT = Pattern.compile("^\\s*(package|import)\\b[^;]*;", Pattern.MULTILINE);

    @Test
    void mainToolsAndTestSourcesImportTheZeromissionTypesTheyUse() {
        List<String> found = new ArrayList<>();
        for (Path root : SOURCES) {
            assertThat(root).as("source folder %s (run from the project folder)", root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> found.addAll(qualifiedNames(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(found).as("fully qualified com.zeromission names in code; import the type instead").isEmpty();
    }

    @Test
    void findsAQualifiedNameInCodeButNotInCommentsJavadocStringsOrImports() {
        String source = """
                package com.zeromission.sample;

                import com.zeromission.privacy.TextMasker;
                import static com.zeromission.markets.Market.of;

                /** Uses {@link com.zeromission.privacy.Pseudonymizer} for keys. */
                class Sample {
                    // com.zeromission.problems.Problems in a line comment
                    /* com.zeromission.problems.Problems in a block comment */
                    String sql = "com.zeromission.not.a.Type";
                    char dot = '.';
                    String block = \"""
                            com.zeromission.in.a.TextBlock \\\""" still inside
                            \""";
                    com.zeromission.problems.Problems problems;
                    Object masker = new com.zeromission
                            .privacy.internal.ScanningTextMasker();
                }
                """;

        assertThat(qualifiedNames(Path.of("Sample.java"), source)).containsExactly(
                "Sample.java:15: com.zeromission.problems.Problems",
                "Sample.java:16: com.zeromission.privacy.internal.ScanningTextMasker");
    }

    static List<String> qualifiedNames(Path file) {
        try {
            return qualifiedNames(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> qualifiedNames(Path file, String source) {
        String code = PACKAGE_OR_IMPORT.matcher(codeOnly(source)).replaceAll(m -> m.group().replaceAll("[^\n]", " "));
        List<String> found = new ArrayList<>();
        Matcher m = QUALIFIED.matcher(code);
        while (m.find()) {
            int line = (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            found.add(file + ":" + line + ": " + m.group().replaceAll("\\s", ""));
        }
        return found;
    }

    /** The source with comments and string, text-block and character literals blanked; line breaks are kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = blank(source, out, i, end < 0 ? n : end);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = blank(source, out, i, end < 0 ? n : end + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (j < n && !source.startsWith("\"\"\"", j)) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = blank(source, out, i, Math.min(n, j + 3));
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = blank(source, out, i, Math.min(n, j + 1));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int blank(String source, StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            out.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
        return to;
    }
}
