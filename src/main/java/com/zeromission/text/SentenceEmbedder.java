package com.zeromission.text;

import java.util.List;

import com.zeromission.text.internal.MiniLmEmbedder;

/**
 * Sentence embeddings: a text as a dense unit vector such that paraphrases ("my card hasn't arrived", "still waiting
 * for the new card") lie close together even when they share no word. Problem discovery combines them with the
 * lexical features of {@link AnalyzedText#terms()}; the lexicon, not the embeddings, carries grouping across
 * languages, because the model shipped here is English-only (see {@link #supports}).
 *
 * <p>Build the product's with {@link #bundled(int)}; implementations are thread-safe and hold native resources, so
 * build one per process and {@link #close()} it at the end.
 */
public interface SentenceEmbedder extends AutoCloseable {

    /** The model's name, as shown in logs and evaluation reports. */
    String model();

    /** The length of every vector {@link #embed} returns. */
    int dimensions();

    /** Whether texts in this language (ISO 639-1) are embedded; others get no vector and are grouped lexically. */
    boolean supports(String language);

    /**
     * Unit vectors for the texts, in their order; an empty or blank text gets a zero vector. Texts are embedded in
     * batches of similar length (padding is wasted work) on the embedder's own threads.
     */
    float[][] embed(List<String> texts);

    @Override
    void close();

    /**
     * The model that ships with the product: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), int8-quantised, from
     * the langchain4j Maven artifact; nothing is downloaded. English.
     *
     * @param threads how many texts' batches run in parallel (each on one core): the number of cores to give it
     */
    static SentenceEmbedder bundled(int threads) {
        return MiniLmEmbedder.load(threads);
    }

    /**
     * One bundled embedder for the whole process, on as many threads as there are cores, built on first use. The
     * application and its tests share it (the model is loaded once however many application contexts there are);
     * it is never closed, its threads are daemons and the operating system frees the native memory at exit.
     */
    static SentenceEmbedder shared() {
        return MiniLmEmbedder.shared();
    }
}
