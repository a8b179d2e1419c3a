package com.zeromission.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import com.zeromission.limits.ClientAddresses;
import com.zeromission.privacy.TextMasker;

/**
 * Every endpoint has an explicit rule; anything not listed is denied. People and machine clients authenticate
 * with HTTP Basic; machine clients can instead present an API token ({@code Authorization: Bearer zm_…}, see
 * {@link ApiTokens}).
 */
// One-shot commands run without a web server and need no HTTP security.
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The roles of the product. INGEST is for machine clients that only submit signals. */
    static final String ADMIN = "ADMIN", ANALYST = "ANALYST", TEAM_MEMBER = "TEAM_MEMBER", VIEWER = "VIEWER",
            INGEST = "INGEST";

    @ConfigurationProperties(prefix = "zeromission.security")
    record Users(List<Account> users) {
        Users {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /**
     * A user name: what a team's members, a squad's lead and members and an insight's responsible person are written
     * with, so that an account can be found in them.
     */
    static final java.util.regex.Pattern USER_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /**
     * A configured account; the password is stored encoded, e.g. {bcrypt}$2a$... ({noop} only for demos). Which teams
     * the user is in is not configured here: the team directory lists each team's members by user name (one record,
     * changed without a restart); {@code teams} given here is refused, saying so, rather than silently ignored.
     */
    record Account(String name, String password, List<String> roles, List<String> teams) {
        Account {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("zeromission.security.users[].name is required");
            }
            if (!USER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("zeromission.security.users[].name must be a user name (1-64 of a-z, "
                        + "0-9, '.', '_' or '-', as team members are written), was '" + name + "'");
            }
            if (teams != null && !teams.isEmpty()) {
                throw new IllegalArgumentException("zeromission.security.users[].teams is not read (user '" + name
                        + "'): a user's teams are the team directory's, set them as the team's members with "
                        + "PUT /api/v1/teams/{name}, the teams CSV import or the Teams page");
            }
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("zeromission.security.users[].password is required for user '" + name + "'");
            }
            roles = roles == null ? List.of() : List.copyOf(roles);
            for (String r : roles) {
                if (!Set.of(ADMIN, ANALYST, TEAM_MEMBER, VIEWER, INGEST).contains(r)) {
                    throw new IllegalArgumentException("unknown role '" + r + "' for user '" + name
                            + "'; one of ADMIN, ANALYST, TEAM_MEMBER, VIEWER, INGEST");
                }
            }
        }
    }

    /**
     * The public pages (the feedback form): no login, a CSRF token on every form post, and the browser protections
     * a page needs. Matched first; everything else is the API chain below.
     *
     * <p>No server session: the CSRF token is a double-submit cookie (the form's hidden field must match it), so an
     * anonymous visit costs the server nothing. With a session-bound token every {@code GET /feedback} held a session
     * for 8 hours, and anyone could fill the server's memory with them.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain publicPages(HttpSecurity http,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) throws Exception {
        http.securityMatcher("/feedback", "/feedback/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(publicCsrfTokens(secureCookies)))
                // the token is created lazily; create it before the page is written, so the cookie is never late.
                // script-src and connect-src 'self': the session replay recorder (/replay/zm-recorder.js) records the
                // form and sends its batches to this origin; nothing inline, nothing from elsewhere.
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; "
                                + "frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The session replay's public ingestion (the recorder on the company's pages calls it cross-origin): no login, no
     * CSRF (no cookie or credential is involved that another site could borrow), no session and no cookie, POST only.
     * Which pages may call it is CORS, decided by the replay module's own filter against its allowed origins; sizes
     * and rates are limited there too. Matched first, so that the API chain's cross-site guard never sees it.
     */
    @Bean
    @org.springframework.core.annotation.Order(0)
    SecurityFilterChain replayIngestionChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/replay-sessions", "/api/v1/replay-sessions/*/events")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS).permitAll()
                        .anyRequest().denyAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) -> problem(response, 405,
                        "Method Not Allowed", request.getMethod() + " " + safePath(request) + " is not served; POST only")));
        return http.build();
    }

    /** The public pages' CSRF cookie. */
    static final String PUBLIC_CSRF_COOKIE = "ZMFORM-CSRF";

    /**
     * The feedback form's CSRF tokens, in a cookie: HTTP-only (the form carries the token in a hidden field; no script
     * needs it), SameSite=Strict, Path=/, Secure like the session cookie. Not {@code __Host-}-prefixed: browsers may
     * refuse such a cookie from http://localhost, where the demo runs, and the form is what it protects.
     */
    static org.springframework.security.web.csrf.CookieCsrfTokenRepository publicCsrfTokens(boolean secure) {
        var tokens = new org.springframework.security.web.csrf.CookieCsrfTokenRepository();
        tokens.setCookieName(PUBLIC_CSRF_COOKIE);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(c -> c.secure(secure).httpOnly(true).sameSite("Strict"));
        return tokens;
    }

    /** Reads the (deferred) CSRF token, so that the repository sets its cookie before the response is committed. */
    static final class CsrfCookieFilter extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, IOException {
            var token = (org.springframework.security.web.csrf.CsrfToken) request.getAttribute(
                    org.springframework.security.web.csrf.CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    @Bean
    @org.springframework.core.annotation.Order(3)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SignInLockout lockout, ClientAddresses clients)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/signals", "/api/v1/signals/batch")
                        .hasAnyRole(INGEST, ANALYST, ADMIN)
                        // Searching the masked texts, and a problem's every signal, is reading signal texts: the
                        // same roles as GET /api/v1/signals and a problem's examples.
                        .requestMatchers(HttpMethod.GET, "/api/v1/signals/search", "/api/v1/problems/*/signals")
                        .hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/signals", "/api/v1/signals/**")
                        .hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports", "/api/v1/imports/**").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cpm", "/api/v1/targets/**")
                        .hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/purchases").hasAnyRole(INGEST, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/purchases/imports").hasAnyRole(INGEST, ANALYST, ADMIN)
                        // Targets are the mission lead's decision, not an analyst's.
                        .requestMatchers(HttpMethod.PUT, "/api/v1/targets/*").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/alerts").hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        // Evaluating writes alerts and sends webhooks; a replay reads years of figures: analysts' tools.
                        .requestMatchers(HttpMethod.POST, "/api/v1/alerts/evaluate").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/alerts/replay").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/problems", "/api/v1/problems/**")
                        .hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        // Merging, splitting, naming, pinning and resolving problems are analysts' decisions.
                        .requestMatchers(HttpMethod.POST, "/api/v1/problems/*/merge", "/api/v1/problems/*/split",
                                "/api/v1/problems/*/resolve", "/api/v1/problems/*/reopen",
                                "/api/v1/problems/merges/*/undo", "/api/v1/problems/consolidate",
                                "/api/v1/problems/assign").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/problems/*/label", "/api/v1/problems/*/pin")
                        .hasAnyRole(ANALYST, ADMIN)
                        // Who am I: every signed-in caller may ask for their own name, roles and teams.
                        .requestMatchers(HttpMethod.GET, "/api/v1/me").hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN, INGEST)
                        .requestMatchers(HttpMethod.GET, "/api/v1/teams", "/api/v1/insights", "/api/v1/insights/**")
                        .hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/teams/*").hasAnyRole(ANALYST, ADMIN)
                        // a merge patch (RFC 7396) is the same edit as the PUT, so the same roles
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/teams/*").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/teams/imports").hasAnyRole(ANALYST, ADMIN)
                        // Analysts write insights and delegate them; the owners' team members move them along.
                        .requestMatchers(HttpMethod.POST, "/api/v1/insights", "/api/v1/insights/*/delegate",
                                "/api/v1/insights/*/measure", "/api/v1/insights/*/attachments")
                        .hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/insights/*").hasAnyRole(ANALYST, ADMIN)
                        // a merge patch (RFC 7396) is the same edit as the PUT, so the same roles
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/insights/*").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/insights/*/transitions")
                        .hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        // The weekly cadence: forming a week's squads and setting their mandates are analysts' work;
                        // the squad's own members may close it when they are done, as they move their insight along.
                        .requestMatchers(HttpMethod.GET, "/api/v1/squads", "/api/v1/squads/*", "/api/v1/weekly-review")
                        .hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/squads/form").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/squads/*").hasAnyRole(ANALYST, ADMIN)
                        // a merge patch (RFC 7396) is the same edit as the PUT, so the same roles
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/squads/*").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/squads/*/close").hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        // Leaps: analysts set them up, change and close them and write the deliverable (each
                        // recommendation becomes an insight); the members, team members, write the log.
                        .requestMatchers(HttpMethod.GET, "/api/v1/leaps", "/api/v1/leaps/*", "/api/v1/leaps/*/action-plan")
                        .hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/leaps").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/leaps/*").hasAnyRole(ANALYST, ADMIN)
                        // a merge patch (RFC 7396) is the same edit as the PUT, so the same roles
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/leaps/*").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/leaps/*/log").hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/leaps/*/recommendations").hasAnyRole(ANALYST, ADMIN)
                        // Mystery shopping: analysts write the scenarios; whoever shops (team members too) runs them,
                        // records the steps and completes the run, which turns its findings into signals.
                        .requestMatchers(HttpMethod.GET, "/api/v1/mystery/scenarios", "/api/v1/mystery/runs",
                                "/api/v1/mystery/runs/*").hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/mystery/scenarios").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/mystery/runs", "/api/v1/mystery/runs/*/steps",
                                "/api/v1/mystery/runs/*/complete").hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        // Call-backs: the list says whom to call, so viewers do not see it; whoever answers customers
                        // calls and records the outcome; building a week's list and turning a note into evidence on an
                        // insight are analysts' work, as writing insights is.
                        .requestMatchers(HttpMethod.POST, "/api/v1/callbacks/lists").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/callbacks/lists/*").hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/callbacks/*/outcome").hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/callbacks/*/evidence").hasAnyRole(ANALYST, ADMIN)
                        // Complaint cases: everyone who reads sees the clocks; whoever answers customers records replies;
                        // the register is the analysts' report to the regulator.
                        .requestMatchers(HttpMethod.GET, "/api/v1/complaint-cases/register.csv").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/complaint-cases", "/api/v1/complaint-cases/*")
                        .hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaint-cases/*/acknowledge",
                                "/api/v1/complaint-cases/*/holding-reply", "/api/v1/complaint-cases/*/final-reply")
                        .hasAnyRole(TEAM_MEMBER, ANALYST, ADMIN)
                        // The yearly report is for everyone who reads the figures: the lead presents it to all.
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/yearly").hasAnyRole(VIEWER, TEAM_MEMBER, ANALYST, ADMIN)
                        // Erasure is irreversible and about a person: the admin's decision.
                        .requestMatchers(HttpMethod.POST, "/api/v1/erasures").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit").hasRole(ADMIN)
                        // Session replays show what a customer did on the company's pages: analysts' material, as
                        // the raw signals' call-back details are; every watch of one is audited.
                        .requestMatchers(HttpMethod.GET, "/api/v1/replays/*", "/api/v1/replays/*/events")
                        .hasAnyRole(ANALYST, ADMIN)
                        // A token can carry any role, ADMIN too: handing them out is the admin's decision.
                        .requestMatchers(HttpMethod.POST, "/api/v1/tokens").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/tokens").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/tokens/*").hasRole(ADMIN)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                // before any credential is looked at: a cross-site browser request is refused whoever it claims to be
                .addFilterBefore(new CrossSiteApiGuard(), BearerTokenFilter.class)
                // brute-force protection of Basic and tokens, around both (issue 15)
                .addFilterBefore(new SignInLockoutFilter(lockout, clients, SignInLockoutFilter.Chain.API),
                        BearerTokenFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> problem(response, 403, "Forbidden",
                                "your role does not allow " + request.getMethod() + " " + safePath(request))))
                // Stateless API clients with Basic credentials or tokens: no session, so no CSRF token to keep. What a
                // token would protect against, a browser's cached credentials used by another site, CrossSiteApiGuard
                // refuses instead, and the 401 never asks a browser for Basic credentials in the first place.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    /**
     * 401 as an RFC 9457 problem, like every other error of the API, challenging for Bearer only. A Basic challenge
     * would make a browser ask for a password and then send it with every request any page makes to this host,
     * which is how another site could drive the API; machine clients send Basic credentials without waiting to be
     * asked ({@code curl -u}, every HTTP library's preemptive Basic), so they lose nothing.
     */
    private static void unauthorized(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"zeromission\"");
        problem(response, 401, "Unauthorized", "valid credentials (HTTP Basic sent with the request, e.g. curl -u, "
                + "or an API token as Authorization: Bearer) are required for " + request.getMethod() + " " + safePath(request));
    }

    /**
     * 401 for a presented API token that is refused: the Bearer challenge with RFC 6750's invalid_token, and the
     * reason in the problem. The token itself is never echoed, here or anywhere else.
     */
    static void invalidToken(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, String reason) throws IOException {
        // the header stays fixed ASCII (a token's name may hold anything); the body says which it was
        response.setHeader("WWW-Authenticate", "Bearer realm=\"zeromission\", error=\"invalid_token\", "
                + "error_description=\"the API token is unknown, revoked or expired\"");
        problem(response, 401, "Unauthorized", reason + "; " + request.getMethod() + " " + safePath(request)
                + " needs a valid API token or HTTP Basic credentials");
    }

    /** The path is echoed to help the client, masked: a path segment may be somebody's e-mail address. */
    static String safePath(jakarta.servlet.http.HttpServletRequest request) {
        return TextMasker.standard().mask(request.getRequestURI()).text();
    }

    static void problem(jakarta.servlet.http.HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        problem(response, status, java.net.URI.create("about:blank"), title, detail);
    }

    static void problem(jakarta.servlet.http.HttpServletResponse response, int status, java.net.URI type, String title,
            String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Configured users; in demo mode a documented set of demo users; otherwise, when nobody is configured, one
     * admin with a random password written to a file only its owner can read (never to the log).
     */
    @Bean
    UserDetailsService users(Users configured, PasswordEncoder encoder,
            @Value("${zeromission.demo.enabled:false}") boolean demo,
            @Value("${zeromission.data-dir}") Path dataDir,
            org.springframework.beans.factory.ObjectProvider<DemoLogins> demoLogins) throws IOException {
        var details = new ArrayList<UserDetails>();
        for (Account a : configured.users()) {
            details.add(User.withUsername(a.name()).password(a.password()).roles(a.roles().toArray(String[]::new)).build());
        }
        if (details.isEmpty() && demo) {
            var fixed = List.of("admin", "analyst", "member", "viewer", "ingest");
            // one login per demo team (the demo module's roster), so that owners can sign in and move their work
            var teamMembers = demoLogins.stream().flatMap(d -> d.teamMembers().stream())
                    .filter(n -> !fixed.contains(n)).distinct().toList();
            log.warn("Demo mode: demo users admin, analyst, member, viewer and ingest{}, each with password 'demo'. "
                    + "Never use demo mode with real data.", teamMembers.isEmpty() ? ""
                            : ", and the demo teams' members " + String.join(", ", teamMembers));
            details.add(demoUser("admin", ADMIN, ANALYST));
            details.add(demoUser("analyst", ANALYST));
            details.add(demoUser("member", TEAM_MEMBER));
            details.add(demoUser("viewer", VIEWER));
            details.add(demoUser("ingest", INGEST));
            teamMembers.forEach(n -> details.add(demoUser(n, TEAM_MEMBER)));
        } else if (details.isEmpty()) {
            Path file = dataDir.resolve("admin.password");
            String password;
            if (Files.exists(file)) {
                password = Files.readString(file).strip();
            } else {
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                password = HexFormat.of().formatHex(bytes);
                Files.createDirectories(dataDir);
                Files.writeString(file, password + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the file keeps the directory's default permissions
                }
            }
            log.warn("No users configured (zeromission.security.users): user 'admin' can log in with the password in {}",
                    file.toAbsolutePath());
            details.add(User.withUsername("admin").password(encoder.encode(password)).roles(ADMIN, ANALYST).build());
        }
        return new InMemoryUserDetailsManager(details);
    }

    private static UserDetails demoUser(String name, String... roles) {
        return User.withUsername(name).password("{noop}demo").roles(roles).build();
    }
}
