package com.zeromission.text.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zeromission.text.SentenceEmbedder;
import com.zeromission.text.TextAnalyzer;

/**
 * Exposes the one shared {@link TextAnalyzer} to the application (it is thread-safe): with the bundled sentence
 * embeddings for English texts unless {@code zeromission.text.embeddings.enabled=false} (then lexical features only,
 * as before there were embeddings: less accurate on English, a little faster).
 */
@Configuration(proxyBeanMethods = false)
class TextConfiguration {

    @Bean
    TextAnalyzer textAnalyzer(@Value("${zeromission.text.embeddings.enabled:true}") boolean embeddings) {
        TextAnalyzer analyzer = TextAnalyzer.standard();
        return embeddings ? analyzer.withEmbedder(SentenceEmbedder.shared()) : analyzer;
    }
}
