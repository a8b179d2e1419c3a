package com.zeromission.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.zeromission.privacy.TextMasker;

/** Appends to the audit trail, in the caller's transaction; reads the latest entries. Nothing here updates or deletes. */
@Service
public class AuditLog {

    public record Entry(long id, Instant at, String actor, String action, String subject, @Nullable String detail) {
    }

    public static final int MAX_LIST = 1_000;

    private final JdbcTemplate jdbc;
    private final TextMasker masker;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, TextMasker masker, Clock clock) {
        this.jdbc = jdbc;
        this.masker = masker;
        this.clock = clock;
    }

    /** Records one action. Every text is masked and cut to its column: the trail itself holds no personal data. */
    public void record(@Nullable String actor, String action, String subject, @Nullable String detail) {
        jdbc.update("INSERT INTO audit_entry (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), cut(mask(actor == null ? "system" : actor), 64),
                cut(action, 64), cut(mask(subject), 200), detail == null ? null : cut(mask(detail), 1000));
    }

    public List<Entry> latest(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        return jdbc.query("SELECT id, at, actor, action, subject, detail FROM audit_entry ORDER BY id DESC LIMIT ?",
                (rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), limit);
    }

    private String mask(String s) {
        return s == null ? "" : masker.mask(s).text();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
