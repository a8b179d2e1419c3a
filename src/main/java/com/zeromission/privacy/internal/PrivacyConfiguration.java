package com.zeromission.privacy.internal;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zeromission.privacy.Pseudonymizer;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    Pseudonymizer pseudonymizer(@Value("${zeromission.privacy.secret:}") String secret,
            @Value("${zeromission.data-dir}") Path dataDir) {
        return new HmacPseudonymizer(PseudonymSecret.resolve(secret, dataDir));
    }
}
