package com.zeromission.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import com.zeromission.audit.AuditLog;
import com.zeromission.limits.RateLimits;
import com.zeromission.limits.RateLimits.Budget;
import com.zeromission.limits.RateLimits.Counted;
import com.zeromission.limits.RateLimits.Decision;

/**
 * Brute-force protection of sign-in (the pages' form, HTTP Basic, API tokens), counted in the database all instances
 * share. Three budgets of failed attempts in one window:
 * <ul>
 * <li>per account and client address (tight): the usual guesser, refused after a few tries; a successful sign-in from
 * that address clears it, so a person who mistyped is not punished after getting in;</li>
 * <li>per account from anywhere (looser): guessing one account from many addresses; it refuses the account everywhere,
 * also its owner, but only for the rest of the window: an attacker has to keep failing at that rate to keep it
 * refused, and can never lock it for longer than a window after stopping;</li>
 * <li>per client address, whatever the account or token (loosest): one address trying many accounts, or tokens.</li>
 * </ul>
 * Failures are counted after the answer, so a burst of attempts already in flight when a budget runs out is still
 * answered: at most one per request the server handles at once.
 */
// Only where there is sign-in: one-shot commands run without a web server and without users.
@Component
@ConditionalOnWebApplication
class SignInLockout {

    private static final Logger log = LoggerFactory.getLogger(SignInLockout.class);

    /** {@code zeromission.security.sign-in.*}: failed sign-ins allowed per window before further attempts get 429. */
    @ConfigurationProperties(prefix = "zeromission.security.sign-in")
    record Settings(@DefaultValue("10") int maxFailuresPerAccountAndClient, @DefaultValue("50") int maxFailuresPerAccount,
            @DefaultValue("100") int maxFailuresPerClient, @DefaultValue("PT15M") Duration window) {
        Settings {
            check("max-failures-per-account-and-client", maxFailuresPerAccountAndClient);
            check("max-failures-per-account", maxFailuresPerAccount);
            check("max-failures-per-client", maxFailuresPerClient);
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("zeromission.security.sign-in.window must be positive, was " + window);
            }
        }

        private static void check(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException("zeromission.security.sign-in." + name + " must be at least 1, was " + value);
            }
        }
    }

    /** Who tries to sign in: an account name as typed, or none for an API token; and how. */
    record Attempt(String account, String method) {
        static Attempt token() {
            return new Attempt(null, "API token");
        }
    }

    /**
     * The answer before the attempt: refused (with the decision that refused it, the one ending last), or go ahead,
     * with whether this account and address have failures a success must clear.
     */
    record Check(Decision refusal, boolean hasFailures) {
        boolean refused() {
            return refusal != null;
        }
    }

    private final RateLimits limits;
    private final Budget accountAndClient, account, client;
    private final UserDetailsService users;
    private final AuditLog audit;

    SignInLockout(RateLimits limits, Settings settings, UserDetailsService users, AuditLog audit) {
        this.limits = limits;
        this.users = users;
        this.audit = audit;
        this.accountAndClient = new Budget("sign-in-account-client", settings.maxFailuresPerAccountAndClient(), settings.window());
        this.account = new Budget("sign-in-account", settings.maxFailuresPerAccount(), settings.window());
        this.client = new Budget("sign-in-client", settings.maxFailuresPerClient(), settings.window());
    }

    /** Checks the budgets before the attempt: plain reads, so a successful Basic request writes nothing. */
    Check check(Attempt attempt, String clientSubject) {
        if (attempt.account() == null) {
            Decision byClient = limits.check(client, clientSubject);
            return new Check(byClient.allowed() ? null : byClient, false);
        }
        List<Decision> decisions = limits.check(List.of(new Counted(client, clientSubject),
                new Counted(accountAndClient, pairSubject(attempt, clientSubject)),
                new Counted(account, accountSubject(attempt))));
        Decision refused = decisions.stream().filter(d -> !d.allowed())
                .max(Comparator.comparing(Decision::retryAfter)).orElse(null);
        return new Check(refused, decisions.get(1).count() > 0);
    }

    void succeeded(Attempt attempt, String clientSubject, Check check) {
        if (attempt.account() != null && check.hasFailures()) {
            limits.reset(accountAndClient, pairSubject(attempt, clientSubject));
        }
    }

    /**
     * Counts a failed attempt in every budget it belongs to, logs it and writes it to the audit trail. Never the
     * password; the account name only when it is a configured account (what people type as a name may be a
     * password or somebody's e-mail address).
     */
    void failed(Attempt attempt, String clientSubject, String clientAddress) {
        Decision byClient = limits.count(client, clientSubject);
        String shown = shownName(attempt);
        String detail;
        boolean locked;
        if (attempt.account() != null) {
            Decision pair = limits.count(accountAndClient, pairSubject(attempt, clientSubject));
            Decision byAccount = limits.count(account, accountSubject(attempt));
            detail = attempt.method() + ": failure " + pair.count() + " of " + accountAndClient.limit()
                    + " for this account from one client address, " + byAccount.count() + " of " + account.limit()
                    + " for this account, " + byClient.count() + " of " + client.limit() + " from the address, within "
                    + accountAndClient.window();
            locked = justLocked(pair, accountAndClient) || justLocked(byAccount, account) || justLocked(byClient, client);
        } else {
            detail = attempt.method() + ": failure " + byClient.count() + " of " + client.limit()
                    + " from one client address within " + client.window();
            locked = justLocked(byClient, client);
        }
        log.warn("Sign-in failed for {} from {} ({})", shown, clientAddress, detail);
        audit.record("anonymous", "sign-in.failed", shown, detail);
        if (locked) {
            log.warn("Sign-in locked for {} from {} for {}: too many failures", shown, clientAddress, accountAndClient.window());
            audit.record("anonymous", "sign-in.locked", shown, detail + "; further attempts are answered 429");
        }
    }

    private static boolean justLocked(Decision decision, Budget budget) {
        return decision.count() == budget.limit();
    }

    /** "account 'viewer'" for a configured account, otherwise nothing of what was typed. */
    private String shownName(Attempt attempt) {
        if (attempt.account() == null) {
            return "an API token";
        }
        try {
            return "account '" + users.loadUserByUsername(attempt.account()).getUsername() + "'";
        } catch (UsernameNotFoundException e) {
            return "an unknown account";
        }
    }

    /** Spring's user store ignores case, so the budgets do too: "Admin" and "admin" are one account. */
    private static String accountSubject(Attempt attempt) {
        return attempt.account().toLowerCase(Locale.ROOT);
    }

    private static String pairSubject(Attempt attempt, String clientSubject) {
        return accountSubject(attempt) + "\n" + clientSubject;
    }
}
