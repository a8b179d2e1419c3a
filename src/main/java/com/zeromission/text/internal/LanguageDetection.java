package com.zeromission.text.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Language detection with <a href="https://github.com/pemistahl/lingua">Lingua</a>, restricted to the languages the
 * product analyses. Why Lingua: it is maintained, it is the most accurate open detector on short texts (one-line
 * complaints, chat messages) because it combines n-gram models of several lengths with rules, and it tells Swedish,
 * Danish and Norwegian Bokmål apart, which generic detectors trained for long texts often confuse. Restricting it to
 * nine languages both raises accuracy (no false "Afrikaans" for a Dutch line) and loads only those models.
 *
 * <p>The detector is heavy (its models take a few seconds and tens of megabytes to load), so it is built lazily on
 * first use, once per process, and shared: {@link LanguageDetector} is thread-safe. Texts that mention the language
 * (every channel that knows it passes it) never load it at all.
 */
public final class LanguageDetection {

    private static final Map<Language, String> CODES = Map.of(
            Language.SWEDISH, "sv", Language.ENGLISH, "en", Language.DUTCH, "nl", Language.GERMAN, "de",
            Language.DANISH, "da", Language.BOKMAL, "nb", Language.FINNISH, "fi", Language.FRENCH, "fr",
            Language.SPANISH, "es");

    private LanguageDetection() {
    }

    /** Initialisation-on-demand holder: the JVM builds the detector once, on the first detection, thread-safely. */
    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder
                .fromLanguages(CODES.keySet().toArray(new Language[0]))
                // a one-word difference in confidence is not worth a guess: below this the answer is "unknown"
                .withMinimumRelativeDistance(0.0)
                .build();
    }

    /** The ISO 639-1 code of the text's language among the supported ones, or empty when it cannot tell. */
    public static Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Language l = Holder.DETECTOR.detectLanguageOf(text);
        return Optional.ofNullable(CODES.get(l)).map(c -> c.toLowerCase(Locale.ROOT));
    }
}
