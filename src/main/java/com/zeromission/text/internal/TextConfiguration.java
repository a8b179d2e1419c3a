package com.zeromission.text.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zeromission.text.TextAnalyzer;

/** Exposes the one shared {@link TextAnalyzer} to the application (it is thread-safe). */
@Configuration(proxyBeanMethods = false)
class TextConfiguration {

    @Bean
    TextAnalyzer textAnalyzer() {
        return TextAnalyzer.standard();
    }
}
