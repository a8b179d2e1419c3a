package com.zeromission.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The phrases of one language, read from {@code demo/phrases-<lang>.txt}. Kept as text resources rather than Java
 * code so that people who speak the language can improve them without reading the generator.
 */
final class Phrasebook {

    /** The languages with a phrasebook; Swedish, English, German and Dutch are the rich ones. */
    public static final List<String> LANGUAGES = List.of("sv", "en", "de", "nl", "nb", "da", "fi");

    private static final Pattern CONDITION = Pattern.compile("^\\((after|before|during) ([a-z0-9-]+)\\)\\s+(.+)$");
    // after CONDITION: static fields initialise in order, and loading needs the pattern
    private static final Map<String, Phrasebook> BOOKS = loadAll();

    /** One alternative, optionally valid only before, after or during a milestone. */
    record Line(String template, String when, Milestone milestone) {

        boolean validOn(LocalDate day) {
            if (milestone == null) {
                return true;
            }
            return switch (when) {
                case "after" -> milestone.reached(day);
                case "before" -> !milestone.reached(day);
                case "during" -> milestone.during(day);
                default -> throw new IllegalStateException(when);
            };
        }
    }

    private final String language;
    private final Map<String, List<Line>> sections;

    private Phrasebook(String language, Map<String, List<Line>> sections) {
        this.language = language;
        this.sections = sections;
    }

    public static Phrasebook of(String language) {
        Phrasebook book = BOOKS.get(language);
        if (book == null) {
            throw new IllegalArgumentException("no phrasebook for language '" + language + "'");
        }
        return book;
    }

    public String language() {
        return language;
    }

    public boolean has(String section) {
        return sections.containsKey(section);
    }

    List<Line> lines(String section) {
        return sections.getOrDefault(section, List.of());
    }

    public Map<String, List<Line>> sections() {
        return sections;
    }

    /**
     * A random line of the section that is valid on the day, or null if there is none. Lines of
     * {@code section + ".winter"} join in from December to February (post delays after new year, Christmas parcels).
     */
    @Nullable String pick(String section, LocalDate day, SplittableRandom r) {
        List<Line> lines = lines(section);
        List<Line> winter = isWinter(day) ? lines(section + ".winter") : List.of();
        int n = lines.size() + winter.size();
        if (n == 0) {
            return null;
        }
        // Most lines are unconditional: try a few random picks before filtering the whole list.
        for (int attempt = 0; attempt < 4; attempt++) {
            int i = r.nextInt(n);
            Line line = i < lines.size() ? lines.get(i) : winter.get(i - lines.size());
            if (line.validOn(day)) {
                return line.template();
            }
        }
        var valid = new ArrayList<Line>(n);
        lines.stream().filter(l -> l.validOn(day)).forEach(valid::add);
        winter.stream().filter(l -> l.validOn(day)).forEach(valid::add);
        return valid.isEmpty() ? null : valid.get(r.nextInt(valid.size())).template();
    }

    /** A line different from {@code other} when the section has more than one valid line. */
    @Nullable String pickOther(String section, String other, LocalDate day, SplittableRandom r) {
        for (int attempt = 0; attempt < 6; attempt++) {
            String line = pick(section, day, r);
            if (line == null || !line.equals(other)) {
                return line;
            }
        }
        return null;
    }

    private static boolean isWinter(LocalDate day) {
        int m = day.getMonthValue();
        return m == 12 || m <= 2;
    }

    private static Map<String, Phrasebook> loadAll() {
        var books = new HashMap<String, Phrasebook>();
        for (String lang : LANGUAGES) {
            books.put(lang, load(lang));
        }
        return Map.copyOf(books);
    }

    static Phrasebook load(String lang) {
        String resource = "/demo/phrases-" + lang + ".txt";
        try (InputStream in = Phrasebook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing phrasebook " + resource);
            }
            return parse(lang, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static Phrasebook parse(String lang, BufferedReader reader) throws IOException {
        var sections = new HashMap<String, List<Line>>();
        List<Line> current = null;
        String name = null;
        int lineNo = 0;
        for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                name = line.substring(1).strip();
                if (sections.containsKey(name)) {
                    throw new IllegalStateException(lang + ":" + lineNo + ": section @" + name + " appears twice");
                }
                current = new ArrayList<>();
                sections.put(name, current);
                continue;
            }
            if (current == null) {
                throw new IllegalStateException(lang + ":" + lineNo + ": text before the first @section");
            }
            Matcher m = CONDITION.matcher(line);
            if (m.matches()) {
                current.add(new Line(m.group(3), m.group(1), Milestone.ofKey(m.group(2))));
            } else {
                current.add(new Line(line, null, null));
            }
        }
        sections.replaceAll((k, v) -> List.copyOf(v));
        return new Phrasebook(lang, Map.copyOf(sections));
    }
}
