package com.zeromission.web;

import static com.zeromission.web.SecurityConfiguration.ADMIN;
import static com.zeromission.web.SecurityConfiguration.ANALYST;
import static com.zeromission.web.SecurityConfiguration.TEAM_MEMBER;
import static com.zeromission.web.SecurityConfiguration.VIEWER;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import com.zeromission.limits.ClientAddresses;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The pages people use every day: form login with a session cookie (HTTP-only, SameSite=Strict, Secure unless
 * turned off for plain-HTTP hosts), a CSRF token on every form and htmx post, and a content security policy that
 * allows only the product's own scripts and styles. Every page has its own rule here; anything else is denied.
 * The API ({@code /api/**}), the actuator and the OpenAPI document stay with the stateless API chain.
 */
@Configuration
@ConditionalOnWebApplication
class PageSecurity {

    static final String[] READERS = {VIEWER, TEAM_MEMBER, ANALYST, ADMIN};

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /**
     * The session-replay player's page (docs/replay.md): the same policy but {@code style-src 'unsafe-inline'}. The
     * player (rrweb-player, a Svelte component) sizes and scales the replayed page with style attributes, and the
     * replayed page's own recorded stylesheets are rebuilt as {@code <style>} elements in the player's frame, which
     * inherits this policy. Scripts stay the product's own: nothing recorded runs (the frame is sandboxed without
     * scripts, and rrweb records no script).
     */
    static final String PLAYER_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    static final String CSP_HEADER = "Content-Security-Policy";

    static boolean isReplayPlayer(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.matches("/replays/[^/]+");
    }

    /** Sessions start short-lived: anybody can start one by opening the sign-in page (see {@link SignIn}). */
    @Bean
    SignIn.AnonymousSessionLifetime anonymousSessionLifetime(
            @Value("${zeromission.web.anonymous-session-timeout:10m}") Duration lifetime) {
        return new SignIn.AnonymousSessionLifetime(lifetime);
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInLockout lockout, ClientAddresses clients,
            @Value("${server.servlet.session.timeout:8h}") Duration signedIn) throws Exception {
        // relative, so that the Location never carries the request's Host (with server.tomcat.use-relative-redirects)
        var signInPage = new LoginUrlAuthenticationEntryPoint("/login");
        signInPage.setFavorRelativeUris(true);
        http.securityMatcher(PageSecurity::isPage)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/denied", "/error", "/css/**", "/js/**", "/img/**",
                                "/webjars/**", "/favicon.ico").permitAll()
                        // The session recorder is embedded in the company's own public pages (and the feedback form):
                        // no login. The player's script only plays what the replay API, for analysts, hands it.
                        .requestMatchers(HttpMethod.GET, "/replay/**").permitAll()
                        // Watching a session replay: analysts' work, as GET /api/v1/replays/{id} (docs/replay.md).
                        // Its summary and events as JSON for the page's player, read with the page's session.
                        .requestMatchers(HttpMethod.GET, "/replays/*", "/replays/*/summary", "/replays/*/events")
                        .hasAnyRole(ANALYST, ADMIN)
                        // The merge preview leads to a merge: analysts' work. Undoing a merge is one too.
                        .requestMatchers(HttpMethod.GET, "/problems/merge").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/problems/merge", "/problems/merges/*/undo")
                        .hasAnyRole(ANALYST, ADMIN)
                        // Searching the masked texts is reading them, as a problem's examples are.
                        .requestMatchers(HttpMethod.GET, "/search").hasAnyRole(READERS)
                        // Writing an insight (the form, its live gate check, screenshots) is analysts' work, as in the API.
                        .requestMatchers(HttpMethod.GET, "/insights/new").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/insights", "/insights/gate", "/insights/*/attachments",
                                "/insights/*/measure").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/", "/problems", "/problems/*", "/insights",
                                "/insights/*", "/insights/*/edit", "/teams", "/weekly", "/deadlines", "/reports/yearly", "/leaps", "/leaps/*", "/mystery", "/mystery/runs/*").hasAnyRole(READERS)
                        // One's own teams' work: for those who move it (viewers in a team read it on /teams).
                        .requestMatchers(HttpMethod.GET, "/my-team").hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        // Changing problems is an analyst's decision, as in the API.
                        .requestMatchers(HttpMethod.POST, "/problems/*/rename", "/problems/*/merge",
                                "/problems/*/split", "/problems/*/pin", "/problems/*/resolve", "/problems/*/reopen")
                        .hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/insights/*/delegate").hasAnyRole(ANALYST, ADMIN)
                        // Filling in the quality-gate fields is writing the insight: analysts' work, as PUT /api/v1/insights/{id}.
                        .requestMatchers(HttpMethod.POST, "/insights/*/edit").hasAnyRole(ANALYST, ADMIN)
                        // The owning team's members move a delegated insight along.
                        .requestMatchers(HttpMethod.POST, "/insights/*/move").hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        // The call list says whom to call: not for viewers. Agents record calls; analysts build lists
                        // and attach notes to insights, as in the API.
                        .requestMatchers(HttpMethod.GET, "/callbacks").hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/callbacks/*/outcome").hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/callbacks/lists", "/callbacks/*/evidence").hasAnyRole(ANALYST, ADMIN)
                        // Uploads write signals in bulk: analysts' work, as POST /api/v1/imports.
                        .requestMatchers("/imports", "/imports/**").hasAnyRole(ANALYST, ADMIN)
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").successHandler(new SignIn.Success(signedIn)).permitAll())
                // brute-force protection of the sign-in form (issue 15)
                .addFilterBefore(new SignInLockoutFilter(lockout, clients, SignInLockoutFilter.Chain.PAGES),
                        UsernamePasswordAuthenticationFilter.class)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("ZMSESSION"))
                .exceptionHandling(e -> e.accessDeniedPage("/denied").authenticationEntryPoint(signInPage))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                // one policy for every page but the replay player's, which also allows inline styles (below)
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> !isReplayPlayer(request), new StaticHeadersWriter(CSP_HEADER, CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                PageSecurity::isReplayPlayer, new StaticHeadersWriter(CSP_HEADER, PLAYER_CSP)))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Everything a browser asks for, except the API, the actuator and the OpenAPI document. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
                || path.startsWith("/v3/"));
    }
}
