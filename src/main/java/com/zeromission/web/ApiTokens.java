package com.zeromission.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.zeromission.audit.AuditLog;
import com.zeromission.privacy.TextMasker;

/**
 * API tokens for machine clients: created with a name and a subset of the product's roles, shown once, stored only
 * as their SHA-256, listed by a short prefix, revoked by id. A token is 32 random bytes, so a single unsalted hash
 * is enough: nobody can guess one, and there is no password to look up in a dictionary.
 */
@Service
class ApiTokens {

    static final String PREFIX = "zm_";
    static final int MAX_NAME = 100;
    /** The roles a token may carry, in the order they are stored and shown. */
    static final List<String> ROLES = List.of(SecurityConfiguration.ADMIN, SecurityConfiguration.ANALYST,
            SecurityConfiguration.TEAM_MEMBER, SecurityConfiguration.VIEWER, SecurityConfiguration.INGEST);
    /** A use is written at most this often per token: checking a token reads its row, recording every use would write it. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    /**
     * How long tokens live: {@code zeromission.security.tokens.default-lifetime} when the request names none, and at
     * most {@code max-lifetime}. Every token expires: a forgotten token of a retired integration must not work for ever.
     */
    @org.springframework.boot.context.properties.ConfigurationProperties(prefix = "zeromission.security.tokens")
    record Lifetimes(Duration defaultLifetime, Duration maxLifetime) {
        Lifetimes {
            defaultLifetime = defaultLifetime == null ? Duration.ofDays(90) : defaultLifetime;
            maxLifetime = maxLifetime == null ? Duration.ofDays(365) : maxLifetime;
            if (defaultLifetime.isNegative() || defaultLifetime.isZero()) {
                throw new IllegalArgumentException("zeromission.security.tokens.default-lifetime must be positive, was "
                        + defaultLifetime);
            }
            if (maxLifetime.compareTo(defaultLifetime) < 0) {
                throw new IllegalArgumentException("zeromission.security.tokens.max-lifetime (" + maxLifetime
                        + ") must not be shorter than default-lifetime (" + defaultLifetime + ")");
            }
        }
    }

    /**
     * What a token is allowed, validated before anything is stored. Its lifetime is either {@code expiresInDays} or
     * an {@code expiresAt} instant, or neither (the default lifetime); {@link ApiTokens#create} checks it against the
     * maximum and the clock.
     */
    record Spec(String name, List<String> roles, Integer expiresInDays, Instant expiresAt) {
        Spec(String name, List<String> roles, Integer expiresInDays) {
            this(name, roles, expiresInDays, null);
        }

        Spec {
            var wrong = new ArrayList<String>();
            name = name == null ? "" : name.strip();
            if (name.isEmpty()) {
                wrong.add("name must not be empty");
            } else if (name.length() > MAX_NAME) {
                wrong.add("name must be at most " + MAX_NAME + " characters, was " + name.length());
            } else if (name.chars().anyMatch(Character::isISOControl)) {
                // the name becomes the principal's name in logs, the audit trail and problem details
                wrong.add("name must not contain control characters such as line breaks");
            }
            if (roles == null || roles.isEmpty()) {
                wrong.add("roles must name at least one of " + String.join(", ", ROLES));
                roles = List.of();
            } else {
                for (String r : roles) {
                    if (!ROLES.contains(r)) {
                        wrong.add("unknown role '" + r + "'; one of " + String.join(", ", ROLES));
                    }
                }
                // stored once each, in the product's order, whatever order the request had
                roles = ROLES.stream().filter(roles::contains).toList();
            }
            if (expiresInDays != null && expiresAt != null) {
                wrong.add("give expiresInDays or expiresAt, not both (was " + expiresInDays + " and " + expiresAt + ")");
            } else if (expiresInDays != null && expiresInDays < 1) {
                wrong.add("expiresInDays must be at least 1 (or absent: the default lifetime), was " + expiresInDays);
            }
            if (!wrong.isEmpty()) {
                throw new InvalidTokenRequestException(wrong);
            }
        }
    }

    /** A token as listed: never its secret, only the 8 characters after {@code zm_}. */
    record Listed(long id, String name, List<String> roles, String prefix, String createdBy, Instant createdAt,
            Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
    }

    /** The answer to a creation: the only time the token itself is shown. */
    record Created(long id, String name, List<String> roles, String token, String prefix, Instant expiresAt) {
    }

    /** A presented token that is refused, with the reason the client is told (never the token). */
    static final class TokenRefusedException extends Exception {
        TokenRefusedException(String reason) {
            super(reason);
        }
    }

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final TextMasker masker;
    private final Clock clock;
    private final Lifetimes lifetimes;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcTemplate jdbc, AuditLog audit, TextMasker masker, Clock clock, Lifetimes lifetimes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.masker = masker;
        this.clock = clock;
        this.lifetimes = lifetimes;
    }

    /** When a token created now expires: as asked, or after the default lifetime; never beyond the maximum. */
    Instant expiry(Spec spec, Instant now) {
        Instant latest = now.plus(lifetimes.maxLifetime());
        Instant asked;
        if (spec.expiresAt() != null) {
            asked = spec.expiresAt();
            if (!asked.isAfter(now)) {
                throw new InvalidTokenRequestException(List.of("expiresAt must be in the future, was " + asked));
            }
        } else if (spec.expiresInDays() != null) {
            asked = now.plus(Duration.ofDays(spec.expiresInDays()));
        } else {
            return now.plus(lifetimes.defaultLifetime());
        }
        if (asked.isAfter(latest)) {
            throw new InvalidTokenRequestException(List.of("a token lives at most " + lifetimes.maxLifetime().toDays()
                    + " days (until " + latest + "), asked until " + asked));
        }
        return asked;
    }

    @Transactional
    Created create(Spec spec, String createdBy) {
        Instant now = clock.instant();
        // the database keeps microseconds: the answer shows the expiry exactly as the list will
        Instant expiresAt = expiry(spec, now).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = token.substring(PREFIX.length(), PREFIX.length() + 8);
        var key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO api_token (name, token_hash, prefix, roles, created_by, created_at, "
                    + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, spec.name());
            ps.setString(2, hash(token));
            ps.setString(3, prefix);
            ps.setString(4, String.join(",", spec.roles()));
            ps.setString(5, cut(createdBy, 64));
            ps.setObject(6, utc(now));
            ps.setObject(7, utc(expiresAt));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        audit.record(createdBy, "token.created", "api token " + id + " (" + spec.name() + ")",
                "prefix " + prefix + ", roles " + String.join(",", spec.roles()) + ", expires " + expiresAt);
        return new Created(id, spec.name(), spec.roles(), token, prefix, expiresAt);
    }

    /** Every token, newest first, revoked ones included (their history matters). */
    List<Listed> list() {
        return jdbc.query("SELECT * FROM api_token ORDER BY id DESC", LISTED);
    }

    /** Revokes a token; revoking it again changes nothing and records nothing. */
    @Transactional
    void revoke(long id, String revokedBy) {
        Listed token = jdbc.query("SELECT * FROM api_token WHERE id = ?", LISTED, id).stream().findFirst()
                .orElseThrow(() -> new ApiTokenNotFoundException(id));
        if (token.revokedAt() != null) {
            return;
        }
        jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", utc(clock.instant()), id);
        audit.record(revokedBy, "token.revoked", "api token " + id + " (" + token.name() + ")", "prefix " + token.prefix());
    }

    /**
     * The token a client presented, if it is known, not revoked and not expired; its use is recorded at most once
     * a minute. The reasons are specific because they help the client and tell an attacker holding the token nothing.
     */
    Listed authenticate(String presented) throws TokenRefusedException {
        if (presented == null || !presented.startsWith(PREFIX)) {
            throw new TokenRefusedException("the bearer token is not a zeromission API token (they start with zm_)");
        }
        Listed token = jdbc.query("SELECT * FROM api_token WHERE token_hash = ?", LISTED, hash(presented)).stream()
                .findFirst().orElseThrow(() -> new TokenRefusedException("the API token is not known"));
        Instant now = clock.instant();
        if (token.revokedAt() != null) {
            throw new TokenRefusedException("the API token '" + masked(token.name()) + "' was revoked at " + token.revokedAt());
        }
        // expires_at is NOT NULL since V25; a null here would be a row written around the application: refuse it
        if (token.expiresAt() == null || !now.isBefore(token.expiresAt())) {
            throw new TokenRefusedException("the API token '" + masked(token.name()) + "' expired at "
                    + (token.expiresAt() == null ? "(no expiry recorded)" : token.expiresAt()));
        }
        Instant due = now.minus(LAST_USE_RESOLUTION);
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(due)) {
            // conditional, so that concurrent requests and other instances write once between them
            jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                    utc(now), token.id(), utc(due));
        }
        return token;
    }

    private String masked(String s) {
        return masker.mask(s).text();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static final RowMapper<Listed> LISTED = (rs, n) -> new Listed(rs.getLong("id"), rs.getString("name"),
            Arrays.asList(rs.getString("roles").split(",")), rs.getString("prefix"), rs.getString("created_by"),
            instant(rs.getObject("created_at", OffsetDateTime.class)), instant(rs.getObject("last_used_at", OffsetDateTime.class)),
            instant(rs.getObject("expires_at", OffsetDateTime.class)), instant(rs.getObject("revoked_at", OffsetDateTime.class)));

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
