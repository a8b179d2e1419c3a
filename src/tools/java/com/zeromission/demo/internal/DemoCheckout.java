package com.zeromission.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The demo's checkout page (issue 18): a small web shop's last step, where paying by card fails, so that session
 * replay has something worth watching. It embeds the product's recorder ({@code /replay/zm-recorder.js}) behind a
 * consent banner and, after the failure, offers the public feedback form with the recording's id
 * ({@code /feedback?replay=<sessionId>}).
 *
 * <p>Demo mode only: the class is in the tools jar (never in the product's), and switched on by
 * {@code zeromission.demo.enabled}; outside demo mode {@code /demo/**} falls to the page chain, which denies every
 * path it does not list. Nothing here is stored or logged: the page's form fields are never read (the no-script
 * post answers with the same failure), and the page's own script shows the outcome.
 */
@Controller
@ConditionalOnProperty(name = "zeromission.demo.enabled", havingValue = "true")
class DemoCheckout {

    static final String PATH = "/demo/checkout";
    static final String CARD_FAILED = "Your card payment could not be completed. No money was taken. "
            + "Try again later, or choose invoice.";

    @GetMapping(PATH)
    String checkout(Model model) {
        return page(model, false);
    }

    /**
     * Without script the form posts here: the same failure, written by the server. The body (an e-mail address, a
     * card number, a personal identity number) is deliberately not bound to anything, so none of it is kept.
     */
    @PostMapping(PATH)
    String pay(Model model) {
        return page(model, true);
    }

    private static String page(Model model, boolean failed) {
        // the recorder sends to the origin that served the page (the contract's data-zm-endpoint)
        model.addAttribute("endpoint", ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        model.addAttribute("failed", failed ? CARD_FAILED : null);
        return "demo/checkout";
    }

    @GetMapping(PATH + ".js")
    ResponseEntity<byte[]> script() throws IOException {
        return asset("checkout.js", MediaType.parseMediaType("text/javascript;charset=UTF-8"));
    }

    @GetMapping(PATH + ".css")
    ResponseEntity<byte[]> style() throws IOException {
        return asset("checkout.css", MediaType.parseMediaType("text/css;charset=UTF-8"));
    }

    private static ResponseEntity<byte[]> asset(String name, MediaType type) throws IOException {
        try (InputStream in = DemoCheckout.class.getResourceAsStream("/demo/checkout/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the tools jar lacks demo/checkout/" + name);
            }
            return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                    .header("X-Content-Type-Options", "nosniff").body(in.readAllBytes());
        }
    }

    /**
     * {@code /demo/**} is public in demo mode, and only then (this chain exists only with the demo on). Same-origin
     * only: scripts, styles and connections to this origin (the recorder posts to it), no inline script or style,
     * no frames. No session and no CSRF token: nothing on these paths changes anything or reads what is sent.
     */
    @Configuration
    @ConditionalOnWebApplication
    @ConditionalOnProperty(name = "zeromission.demo.enabled", havingValue = "true")
    static class Security {

        static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

        @Bean
        @Order(0)
        SecurityFilterChain demoCheckoutChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/demo/**")
                    .authorizeHttpRequests(a -> a.requestMatchers(PATH, PATH + ".js", PATH + ".css").permitAll()
                            .anyRequest().denyAll())
                    .csrf(c -> c.disable())
                    .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
            return http.build();
        }
    }
}
