package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.zeromission.alarms.TestClock;
import com.zeromission.support.TestDatabases;

/**
 * Brute-force protection of sign-in (issue 15, finding 9), with small budgets: 3 failures per account and address, 5
 * per account, 8 per address, in 15 minutes; the clock is moved by hand. Every test uses its own account or
 * addresses.
 */
@SpringBootTest(properties = {"zeromission.alarms.scheduling=false",
        "zeromission.security.sign-in.max-failures-per-account-and-client=3",
        "zeromission.security.sign-in.max-failures-per-account=5",
        "zeromission.security.sign-in.max-failures-per-client=8",
        "zeromission.security.sign-in.window=PT15M"})
@AutoConfigureMockMvc
@Import(SignInLockoutTest.ClockConfiguration.class)
class SignInLockoutTest {

    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock lockoutClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"viewer", "VIEWER"}, {"analyst", "ANALYST"},
                {"member", "TEAM_MEMBER"}, {"admin", "ADMIN"}, {"reader", "VIEWER"}});
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;

    MvcTestResult basic(String address, String user, String password) {
        return mvc.get().uri("/api/v1/signals/summary").with(httpBasic(user, password)).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).exchange();
    }

    MvcTestResult form(String address, String user, String password) {
        return mvc.post().uri("/login").param("username", user).param("password", password).with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).exchange();
    }

    @Test
    void refusesAnAccountFromAnAddressAfterTooManyFailedBasicSignInsWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(basic("203.0.113.10", "viewer", "guess" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        var refused = basic("203.0.113.10", "viewer", "secret");

        // refused before the password is checked: a right guess now tells the guesser nothing
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("900");
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(refused.getResponse().getContentAsString()).contains("\"status\":429", "too many failed sign-ins");
        // the account's owner elsewhere is not locked out by one address's failures
        assertThat(basic("203.0.113.11", "viewer", "secret")).hasStatus(HttpStatus.OK);
        // and the lockout ends with its window
        CLOCK.advance(Duration.ofMinutes(15));
        assertThat(basic("203.0.113.10", "viewer", "secret")).hasStatus(HttpStatus.OK);
    }

    @Test
    void aSuccessfulSignInClearsTheFailuresOfItsAddress() {
        assertThat(basic("203.0.113.12", "analyst", "typo1")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(basic("203.0.113.12", "analyst", "typo2")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(basic("203.0.113.12", "analyst", "secret")).hasStatus(HttpStatus.OK);

        assertThat(basic("203.0.113.12", "analyst", "typo3")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(basic("203.0.113.12", "analyst", "typo4")).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(basic("203.0.113.12", "analyst", "secret")).hasStatus(HttpStatus.OK);
    }

    @Test
    void refusesAnAccountGuessedFromManyAddressesEverywhereButOnlyUntilItsWindowEnds() {
        for (int i = 0; i < 5; i++) {
            assertThat(basic("198.51.100." + (20 + i), "member", "guess")).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        assertThat(basic("198.51.100.99", "MEMBER", "secret")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);

        CLOCK.advance(Duration.ofMinutes(15));
        assertThat(basic("198.51.100.99", "member", "secret")).hasStatus(HttpStatus.OK);
    }

    @Test
    void locksTheSignInFormLikeBasic() throws Exception {
        for (int i = 0; i < 3; i++) {
            var failed = form("203.0.113.30", "admin", "guess" + i);
            assertThat(failed).hasStatus(HttpStatus.FOUND);
            assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }

        var refused = form("203.0.113.30", "admin", "secret");

        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("900");
        assertThat(refused.getResponse().getContentAsString()).contains("Too many failed sign-ins", "15 minutes");
        assertThat(refused.getResponse().getRedirectedUrl()).isNull();
        var elsewhere = form("203.0.113.31", "admin", "secret");
        assertThat(elsewhere).hasStatus(HttpStatus.FOUND);
        assertThat(elsewhere.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void refusedApiTokensAndManyAccountsCountAgainstTheirAddress() {
        for (int i = 0; i < 4; i++) {
            var refused = mvc.get().uri("/api/v1/signals/summary").header("Authorization", "Bearer zm_guess" + i)
                    .with(r -> {
                        r.setRemoteAddr("203.0.113.40");
                        return r;
                    }).exchange();
            assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(basic("203.0.113.40", "nobody" + i, "guess")).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        assertThat(basic("203.0.113.40", "reader", "secret")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(basic("203.0.113.41", "reader", "secret")).hasStatus(HttpStatus.OK);
    }

    @Test
    void auditsFailedSignInsWithoutThePasswordAndNamesOnlyConfiguredAccounts() {
        assertThat(basic("203.0.113.50", "viewer", "hunter2-guess")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(form("203.0.113.50", "anna.svensson@example.com", "hunter3-guess")).hasStatus(HttpStatus.FOUND);

        var entries = jdbc.queryForList("SELECT subject || ' ' || detail FROM audit_entry WHERE action = 'sign-in.failed' "
                + "ORDER BY id DESC LIMIT 2", String.class);

        assertThat(entries.get(1)).startsWith("account 'viewer' HTTP Basic: failure 1 of 3");
        assertThat(entries.get(0)).startsWith("an unknown account sign-in form: failure 1 of 3");
        assertThat(jdbc.queryForList("SELECT actor || subject || detail FROM audit_entry", String.class))
                .noneMatch(e -> e.contains("hunter") || e.contains("anna") || e.contains("svensson"));
    }
}
