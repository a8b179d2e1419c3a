/**
 * Text: turns a free-text signal into the features that problem discovery groups on. Per-language tokenising, stop
 * words and stemming with Lucene analyzers (sv, en, nl, de, da, nb, fi, fr, es), language detection when the source
 * does not say the language, and a curated multilingual lexicon of payment concepts that gives texts in different
 * languages about the same problem shared, language-independent features. Public API: {@link
 * com.zeromission.text.TextAnalyzer} and {@link com.zeromission.text.AnalyzedText}; the rest lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text",
        allowedDependencies = {"privacy"})
@org.jspecify.annotations.NullMarked
package com.zeromission.text;
