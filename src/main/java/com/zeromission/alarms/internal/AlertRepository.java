package com.zeromission.alarms.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.zeromission.alarms.Alert;
import com.zeromission.alarms.AlertKind;
import com.zeromission.alarms.AlertState;
import com.zeromission.alarms.Evaluation;
import com.zeromission.alarms.Evidence.Window;
import com.zeromission.alarms.Evidence;
import com.zeromission.alarms.Severity;
import com.zeromission.markets.Scope;

/** Alerts in plain JDBC, SQL that runs unchanged on H2 and PostgreSQL. */
@Repository
public class AlertRepository {

    private static final String COLUMNS = "id, kind, rule_name, severity, market, product, state, summary, threshold, "
            + "window_from, window_to, complaints, purchases, target_cpm, short_from, short_to, short_complaints, "
            + "short_purchases, baseline_description, baseline_from, baseline_to, baseline_days, baseline_complaints, "
            + "baseline_purchases, p_value, "
            + "min_complaints, fired_on, fired_at, cleared_on, cleared_at, clear_reason";

    private final JdbcTemplate jdbc;

    public AlertRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new open alert unless one is already open for its kind, rule and scope (another evaluation, maybe on
     * another instance, got there first). Returns whether it was stored.
     */
    public boolean insertOpen(Alert a) {
        if (!a.isOpen()) {
            throw new IllegalArgumentException("only an open alert can be inserted, " + a.id() + " is " + a.state());
        }
        String openKey = new AlertKey(a.kind(), a.rule(), a.scope()).openKey();
        Object threshold, targetCpm = null, burnRate = null, shortBurnRate = null, pValue = null, expected = null;
        Window window, shortWindow = null;
        Evidence.Baseline baseline = null;
        Integer minComplaints = null;
        switch (a.evidence()) {
            case Evidence.BurnRate b -> {
                threshold = b.threshold();
                targetCpm = b.targetCpm();
                window = b.longWindow();
                shortWindow = b.shortWindow();
                burnRate = b.longBurnRate();
                shortBurnRate = b.shortBurnRate();
            }
            case Evidence.Spike s -> {
                threshold = s.maxPValue();
                window = s.window();
                baseline = s.baseline();
                pValue = s.pValue();
                expected = s.expected();
                minComplaints = (int) s.minComplaints();
            }
        }
        int n = jdbc.update("INSERT INTO alert (id, kind, rule_name, severity, market, product, state, open_key, summary, "
                + "threshold, window_from, window_to, complaints, purchases, target_cpm, burn_rate, short_from, short_to, "
                + "short_complaints, short_purchases, short_burn_rate, baseline_description, baseline_from, baseline_to, "
                + "baseline_days, baseline_complaints, baseline_purchases, expected, p_value, min_complaints, fired_on, fired_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING",
                a.id(), a.kind().code(), a.rule(), a.severity().code(), a.scope().market(), a.scope().product(), openKey,
                a.summary(), threshold, date(window.from()), date(window.to()), window.complaints(), window.purchases(),
                targetCpm, burnRate, shortWindow == null ? null : date(shortWindow.from()),
                shortWindow == null ? null : date(shortWindow.to()), shortWindow == null ? null : shortWindow.complaints(),
                shortWindow == null ? null : shortWindow.purchases(), shortBurnRate,
                baseline == null ? null : baseline.description(), baseline == null ? null : date(baseline.from()),
                baseline == null ? null : date(baseline.to()), baseline == null ? null : baseline.days(),
                baseline == null ? null : baseline.complaints(), baseline == null ? null : baseline.purchases(), expected,
                pValue, minComplaints, date(a.firedOn()), Timestamp.from(a.firedAt()));
        return n == 1;
    }

    /** Clears an open alert; false when it was no longer open (cleared concurrently). */
    public boolean clear(UUID id, LocalDate on, Instant at, String reason) {
        return jdbc.update("UPDATE alert SET state = 'cleared', open_key = NULL, cleared_on = ?, cleared_at = ?, "
                + "clear_reason = ? WHERE id = ? AND state = 'open'", date(on), Timestamp.from(at), truncate(reason, 1000), id) == 1;
    }

    public List<Alert> open() {
        return jdbc.query("SELECT " + COLUMNS + " FROM alert WHERE state = 'open' ORDER BY fired_at, id", AlertRepository::map);
    }

    /** The most recent alerts first: open ones only, or all. */
    public List<Alert> list(boolean includeCleared, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alert" + (includeCleared ? "" : " WHERE state = 'open'")
                + " ORDER BY fired_at DESC, id LIMIT ?", AlertRepository::map, limit);
    }

    public Optional<Alert> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alert WHERE id = ?", AlertRepository::map, id).stream().findFirst();
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        AlertKind kind = AlertKind.ofCode(rs.getString("kind"));
        var window = new Window(rs.getDate("window_from").toLocalDate(), rs.getDate("window_to").toLocalDate(),
                rs.getLong("complaints"), rs.getLong("purchases"));
        Evidence evidence = switch (kind) {
            case BURN_RATE -> new Evidence.BurnRate(rs.getDouble("target_cpm"), rs.getDouble("threshold"), window,
                    new Window(rs.getDate("short_from").toLocalDate(), rs.getDate("short_to").toLocalDate(),
                            rs.getLong("short_complaints"), rs.getLong("short_purchases")));
            case SPIKE -> new Evidence.Spike(window, new Evidence.Baseline(rs.getString("baseline_description"),
                    rs.getDate("baseline_from").toLocalDate(), rs.getDate("baseline_to").toLocalDate(),
                    rs.getInt("baseline_days"), rs.getLong("baseline_complaints"), rs.getLong("baseline_purchases")),
                    rs.getDouble("p_value"), rs.getDouble("threshold"), rs.getInt("min_complaints"));
        };
        Date clearedOn = rs.getDate("cleared_on");
        Timestamp clearedAt = rs.getTimestamp("cleared_at");
        return new Alert(rs.getObject("id", UUID.class), kind, rs.getString("rule_name"),
                Severity.ofCode(rs.getString("severity")), new Scope(rs.getString("market"), rs.getString("product")),
                AlertState.ofCode(rs.getString("state")), rs.getString("summary"), evidence,
                rs.getDate("fired_on").toLocalDate(), rs.getTimestamp("fired_at").toInstant(),
                clearedOn == null ? null : clearedOn.toLocalDate(), clearedAt == null ? null : clearedAt.toInstant(),
                rs.getString("clear_reason"));
    }

    private static Date date(LocalDate d) {
        return Date.valueOf(d);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Logs one evaluation. */
    public void recordRun(Evaluation e, String trigger) {
        jdbc.update("INSERT INTO alarm_run (evaluated_at, as_of, trigger_name, checks, fired, cleared, still_open, undecided) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Timestamp.from(e.evaluatedAt()), date(e.asOf()), trigger, e.checks(),
                e.fired().size(), e.cleared().size(), e.stillOpen().size(), e.undecided().size());
    }

    public Optional<LocalDate> lastRunAsOf() {
        Date d = jdbc.queryForObject("SELECT MAX(as_of) FROM alarm_run", Date.class);
        return Optional.ofNullable(d).map(Date::toLocalDate);
    }
}
