package com.zeromission.text.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The curated multilingual lexicon of payment concepts ({@code concepts.txt} beside this module's classes): for each
 * concept (an id like {@code ~invoice}) the words and phrases that express it in each language. Matching gives
 * texts in different languages that speak about the same thing shared, language-independent features; it is what
 * lets a Swedish "fakturan kom aldrig" and an English "the invoice never arrived" land in the same problem.
 *
 * <p>What it does not do: it knows only the concepts listed (payments, invoices, fees, refunds, returns, delivery,
 * credit decisions, the app, customer service, ...), so two texts about a problem outside them share nothing across
 * languages; it does not translate the rest of the words, nor resolve negation or sarcasm.
 *
 * <p>Entries are compiled per language with that language's {@link LanguagePipeline}, so plain words and phrases
 * match on stems (inflections hit) and affix entries ({@code faktur*}, {@code *lasku}, {@code *avgift*}) on the
 * lower-case surface word (compounds hit). Immutable and thread-safe once built.
 */
public final class ConceptLexicon {

    /** The resource the standard lexicon is read from. */
    public static final String RESOURCE = "/com/zeromission/text/concepts.txt";

    private record Phrase(String[] keys, String concept) {
    }

    private record Affix(char kind, String text, String concept) {

        boolean matches(String surface) {
            return switch (kind) {
                case 'p' -> surface.startsWith(text);
                case 's' -> surface.endsWith(text);
                default -> surface.contains(text);
            };
        }
    }

    /** The compiled entries of one language. */
    private static final class Compiled {
        final Map<String, List<String>> words = new HashMap<>();
        final Map<String, List<Phrase>> phrases = new HashMap<>();
        final List<Affix> affixes = new ArrayList<>();
    }

    private final Map<String, Compiled> byLanguage;
    private final Set<String> concepts;

    private ConceptLexicon(Map<String, Compiled> byLanguage, Set<String> concepts) {
        this.byLanguage = byLanguage;
        this.concepts = concepts;
    }

    /** The lexicon of {@link #RESOURCE}, compiled for the given pipelines (one per language). */
    public static ConceptLexicon standard(Map<String, LanguagePipeline> pipelines) {
        try (InputStream in = Objects.requireNonNull(ConceptLexicon.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), pipelines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a lexicon in the format documented at the top of {@code concepts.txt}. Fails on any malformed line, so
     * that a mistake in the curated file shows at start-up instead of silently missing hits.
     */
    public static ConceptLexicon parse(String source, Map<String, LanguagePipeline> pipelines) {
        Map<String, Compiled> byLanguage = new HashMap<>();
        pipelines.keySet().forEach(l -> byLanguage.put(l, new Compiled()));
        Set<String> concepts = new LinkedHashSet<>();
        String concept = null;
        int lineNo = 0;
        try (var reader = new BufferedReader(new java.io.StringReader(source))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("~")) {
                    if (line.length() < 2 || line.contains(" ")) {
                        throw error(lineNo, "a concept id is '~' and one word");
                    }
                    concept = line;
                    concepts.add(concept);
                    continue;
                }
                int colon = line.indexOf(':');
                if (concept == null || colon < 0) {
                    throw error(lineNo, "expected '~concept' or 'lang: entries' after a concept");
                }
                String lang = line.substring(0, colon).strip();
                List<String> targets = lang.equals("all") ? List.copyOf(pipelines.keySet()) : List.of(lang);
                if (!lang.equals("all") && !pipelines.containsKey(lang)) {
                    throw error(lineNo, "unknown language '" + lang + "'");
                }
                for (String raw : line.substring(colon + 1).split(",")) {
                    String entry = raw.strip().toLowerCase(Locale.ROOT);
                    if (entry.isEmpty()) {
                        throw error(lineNo, "empty entry");
                    }
                    for (String target : targets) {
                        compile(entry, concept, pipelines.get(target), byLanguage.get(target), lineNo);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a string does not fail
        }
        return new ConceptLexicon(Map.copyOf(byLanguage), Set.copyOf(concepts));
    }

    private static void compile(String entry, String concept, LanguagePipeline pipeline, Compiled into, int lineNo) {
        boolean leading = entry.startsWith("*");
        boolean trailing = entry.endsWith("*") && entry.length() > 1;
        if (leading || trailing) {
            String text = entry.substring(leading ? 1 : 0, entry.length() - (trailing ? 1 : 0));
            if (text.isEmpty() || text.contains(" ") || text.contains("*")) {
                throw error(lineNo, "an affix entry is one word with '*' at its start and/or end: '" + entry + "'");
            }
            char kind = leading && trailing ? 'i' : leading ? 's' : 'p';
            into.affixes.add(new Affix(kind, text, concept));
            return;
        }
        if (entry.contains("*")) {
            throw error(lineNo, "'*' only at the start or end of a word: '" + entry + "'");
        }
        // Tokenise the entry the same way as the texts it must match ("e-mail" -> "e", "mail").
        LanguagePipeline.Tokens tokens = pipeline.tokenize(entry);
        if (tokens.size() == 0) {
            throw error(lineNo, "entry '" + entry + "' has no words");
        }
        if (tokens.size() == 1) {
            into.words.computeIfAbsent(tokens.stems()[0], k -> new ArrayList<>(1)).add(concept);
        } else {
            into.phrases.computeIfAbsent(tokens.stems()[0], k -> new ArrayList<>(1))
                    .add(new Phrase(tokens.stems().clone(), concept));
        }
    }

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("concept lexicon line " + line + ": " + message);
    }

    /** Every concept id of the lexicon. */
    public Set<String> concepts() {
        return concepts;
    }

    /**
     * Reports the concepts the tokens express, in text order; a token that starts several matching entries of the
     * same concept counts once.
     */
    public void match(String language, LanguagePipeline.Tokens tokens, Consumer<String> sink) {
        Compiled c = byLanguage.get(language);
        if (c == null) {
            return;
        }
        String[] surfaces = tokens.surfaces();
        String[] keys = tokens.stems();
        List<String> hits = new ArrayList<>(4);
        for (int i = 0; i < keys.length; i++) {
            hits.clear();
            List<String> w = c.words.get(keys[i]);
            if (w != null) {
                addAll(hits, w);
            }
            for (Affix a : c.affixes) {
                if (a.matches(surfaces[i]) && !hits.contains(a.concept())) {
                    hits.add(a.concept());
                }
            }
            List<Phrase> ps = c.phrases.get(keys[i]);
            if (ps != null) {
                for (Phrase p : ps) {
                    if (matchesAt(p.keys(), keys, i) && !hits.contains(p.concept())) {
                        hits.add(p.concept());
                    }
                }
            }
            hits.forEach(sink);
        }
    }

    private static void addAll(List<String> hits, List<String> concepts) {
        for (String x : concepts) {
            if (!hits.contains(x)) {
                hits.add(x);
            }
        }
    }

    private static boolean matchesAt(String[] phrase, String[] keys, int at) {
        if (at + phrase.length > keys.length) {
            return false;
        }
        for (int j = 1; j < phrase.length; j++) {
            if (!phrase[j].equals(keys[at + j])) {
                return false;
            }
        }
        return true;
    }
}
