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
 * Reads the hand-written labelled set: {@code lang<TAB>text} per line, personal data marked inline as
 * {@code [[TYPE|value]]}. A malformed line is an error that names its line number, never silently skipped.
 */
public final class HandwrittenCorpus {

    public static final String RESOURCE = "/com/zeromission/privacy/eval/handwritten.txt";

    private HandwrittenCorpus() {
    }

    public static List<LabelledText> load() {
        try (InputStream in = HandwrittenCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("labelled set " + RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
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
            texts.add(annotated(language, line.substring(tab + 1), number));
        }
        return texts;
    }

    private static LabelledText annotated(String language, String marked, int number) {
        var text = new StringBuilder();
        var entities = new ArrayList<Entity>();
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
                case "EMAIL", "PHONE", "PERSONAL_ID", "IBAN" -> PiiType.valueOf(type);
                default -> throw new IllegalArgumentException("line " + number + ": unknown type '" + type + "'");
            };
            entities.add(new Entity(text.length(), text.length() + value.length(), piiType));
            text.append(value);
            at = close + 2;
        }
        return new LabelledText(language, text.toString(), entities);
    }
}
