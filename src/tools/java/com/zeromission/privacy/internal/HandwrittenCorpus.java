package com.zeromission.privacy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.zeromission.privacy.PiiType;
import com.zeromission.privacy.internal.LabelledCorpus.Entity;
import com.zeromission.privacy.internal.LabelledCorpus.LabelledText;

/**
 * Reads the hand-written labelled sets: {@code lang<TAB>text} per line, personal data marked inline as
 * {@code [[TYPE|value]]}, and {@code \\}{@code uXXXX} for a character that cannot be seen (a zero-width space, a thin
 * space). {@code [[BARE_ID|value]]} marks a Danish CPR or Dutch BSN without its keyword, left readable by design.
 * A malformed line is an error that names its line number, never silently skipped.
 */
public final class HandwrittenCorpus {

    public static final String RESOURCE = "/com/zeromission/privacy/eval/handwritten.txt";
    /** Held-out formats of the served markets and the evasion kinds of issue 15, written after the outside review. */
    public static final String HELD_OUT = "/com/zeromission/privacy/eval/heldout.txt";

    private HandwrittenCorpus() {
    }

    public static List<LabelledText> load() {
        return load(RESOURCE);
    }

    public static List<LabelledText> load(String resource) {
        try (InputStream in = HandwrittenCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("labelled set " + resource + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<LabelledText> parse(String content) {
        var texts = new ArrayList<LabelledText>();
        String[] lines = content.split("\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].stripTrailing();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("line " + number + ": expected 'language<TAB>text'");
            }
            String language = line.substring(0, tab).strip();
            texts.add(annotated(language, unescaped(line.substring(tab + 1)), number));
        }
        return texts;
    }

    /** {@code \\}{@code uXXXX} → that character, so that invisible characters are visible in the file. */
    static String unescaped(String s) {
        if (s.indexOf("\\u") < 0) {
            return s;
        }
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i) && i + 6 <= s.length()) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static LabelledText annotated(String language, String marked, int number) {
        var text = new StringBuilder();
        var entities = new ArrayList<Entity>();
        var bareIds = new ArrayList<Entity>();
        int at = 0;
        while (true) {
            int open = marked.indexOf("[[", at);
            if (open < 0) {
                text.append(marked, at, marked.length());
                break;
            }
            int bar = marked.indexOf('|', open);
            int close = marked.indexOf("]]", open);
            if (bar < 0 || close < 0 || bar > close) {
                throw new IllegalArgumentException("line " + number + ": unbalanced [[TYPE|value]] at column " + (open + 1));
            }
            text.append(marked, at, open);
            String type = marked.substring(open + 2, bar);
            String value = marked.substring(bar + 1, close);
            PiiType piiType = switch (type) {
                case "CARD" -> PiiType.PAYMENT_CARD;
                case "USER" -> PiiType.URL_USER_INFO;
                case "EMAIL", "PHONE", "PERSONAL_ID", "IBAN", "BARE_ID" -> PiiType.valueOf(type.replace("BARE_ID", "PERSONAL_ID"));
                default -> throw new IllegalArgumentException("line " + number + ": unknown type '" + type + "'");
            };
            (type.equals("BARE_ID") ? bareIds : entities).add(new Entity(text.length(), text.length() + value.length(), piiType));
            text.append(value);
            at = close + 2;
        }
        return new LabelledText(language, text.toString(), entities, bareIds);
    }
}
