package com.zeromission.mystery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.zeromission.markets.Market;
import com.zeromission.mystery.Mode;
import com.zeromission.mystery.NewScenario;
import com.zeromission.mystery.Outcome;
import com.zeromission.mystery.PaymentMethod;
import com.zeromission.mystery.Run;
import com.zeromission.mystery.RunStatus;
import com.zeromission.mystery.Scenario;
import com.zeromission.mystery.Step;
import com.zeromission.mystery.StepRecord;

/** Scenarios, runs and their steps, in plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
public class MysteryRepository {

    private static final String SCENARIO = "id, name, market, mode, checkout, payment, card, steps, created_by, created_at";
    private static final String RUN = "id, scenario_id, shopper, run_date, status, started_by, started_at, completed_by, "
            + "completed_at";
    private static final String STEP = "run_id, step, step_date, outcome, note, recorded_by, recorded_at, signal_id";

    private final JdbcTemplate jdbc;

    MysteryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- scenarios

    public long insertScenario(NewScenario s, String actor, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO mystery_scenario (name, market, mode, checkout, payment, card, steps, "
                    + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, s.name());
            ps.setString(2, s.market().code());
            ps.setString(3, s.mode().name());
            ps.setString(4, s.checkout());
            ps.setString(5, s.payment().name());
            ps.setString(6, s.card());
            ps.setString(7, s.steps().stream().map(Step::name).collect(Collectors.joining(",")));
            ps.setString(8, actor);
            ps.setObject(9, ts(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Scenario> scenario(long id) {
        return jdbc.query("SELECT " + SCENARIO + " FROM mystery_scenario WHERE id = ?", MysteryRepository::scenario, id)
                .stream().findFirst();
    }

    public Optional<Scenario> scenarioNamed(String name) {
        return jdbc.query("SELECT " + SCENARIO + " FROM mystery_scenario WHERE LOWER(name) = LOWER(?)",
                MysteryRepository::scenario, name).stream().findFirst();
    }

    public List<Scenario> scenarios() {
        return jdbc.query("SELECT " + SCENARIO + " FROM mystery_scenario ORDER BY id", MysteryRepository::scenario);
    }

    // ---- runs

    public long insertRun(long scenarioId, String shopper, LocalDate date, String actor, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO mystery_run (scenario_id, shopper, run_date, status, started_by, "
                    + "started_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, scenarioId);
            ps.setString(2, shopper);
            ps.setObject(3, date);
            ps.setString(4, RunStatus.IN_PROGRESS.name());
            ps.setString(5, actor);
            ps.setObject(6, ts(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The run with its steps in the scenario's order; {@code forUpdate} locks the run row until the transaction ends. */
    public Optional<Run> run(long id, boolean forUpdate) {
        var rows = jdbc.query("SELECT " + RUN + " FROM mystery_run WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                (rs, n) -> runRow(rs), id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var steps = jdbc.query("SELECT " + STEP + " FROM mystery_step WHERE run_id = ?", MysteryRepository::step, id);
        return Optional.of(rows.getFirst().with(steps, order(rows.getFirst().scenarioId())));
    }

    /** Runs, newest first; a scenario id narrows them to that scenario's. */
    public List<Run> runs(Long scenarioId, int limit) {
        var rows = scenarioId == null
                ? jdbc.query("SELECT " + RUN + " FROM mystery_run ORDER BY id DESC LIMIT ?", (rs, n) -> runRow(rs), limit)
                : jdbc.query("SELECT " + RUN + " FROM mystery_run WHERE scenario_id = ? ORDER BY id DESC LIMIT ?",
                        (rs, n) -> runRow(rs), scenarioId, limit);
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","));
        var steps = new HashMap<Long, List<StepRecord>>();
        jdbc.query("SELECT " + STEP + " FROM mystery_step WHERE run_id IN (" + ids + ")", rs -> {
            steps.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(step(rs, 0));
        });
        var orders = new HashMap<Long, List<Step>>();
        return rows.stream().map(r -> r.with(steps.getOrDefault(r.id(), List.of()),
                orders.computeIfAbsent(r.scenarioId(), this::order))).toList();
    }

    /** Inserts or replaces what was recorded at one step (one record per run and step). */
    public void saveStep(long runId, StepRecord s) {
        int updated = jdbc.update("UPDATE mystery_step SET step_date = ?, outcome = ?, note = ?, recorded_by = ?, "
                + "recorded_at = ? WHERE run_id = ? AND step = ?", s.date(), s.outcome().name(), s.note(), s.recordedBy(),
                ts(s.recordedAt()), runId, s.step().name());
        if (updated == 0) {
            jdbc.update("INSERT INTO mystery_step (run_id, step, step_date, outcome, note, recorded_by, recorded_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", runId, s.step().name(), s.date(), s.outcome().name(), s.note(),
                    s.recordedBy(), ts(s.recordedAt()));
        }
    }

    public void setSignal(long runId, Step step, String signalId) {
        jdbc.update("UPDATE mystery_step SET signal_id = ? WHERE run_id = ? AND step = ?", signalId, runId, step.name());
    }

    public void complete(long runId, String actor, Instant at) {
        jdbc.update("UPDATE mystery_run SET status = ?, completed_by = ?, completed_at = ? WHERE id = ?",
                RunStatus.COMPLETED.name(), actor, ts(at), runId);
    }

    // ---- mapping

    private List<Step> order(long scenarioId) {
        return scenario(scenarioId).map(Scenario::steps).orElse(Step.DEFAULT);
    }

    /** A run row before its steps are read. */
    private record RunRow(long id, long scenarioId, String shopper, LocalDate date, RunStatus status, String startedBy,
            Instant startedAt, String completedBy, Instant completedAt) {

        /** The run with its steps in the scenario's order (a step it does not name, after them). */
        Run with(List<StepRecord> steps, List<Step> order) {
            Map<Step, Integer> rank = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                rank.put(order.get(i), i);
            }
            var sorted = steps.stream().sorted(java.util.Comparator.comparingInt(
                    (StepRecord s) -> rank.getOrDefault(s.step(), order.size() + s.step().ordinal()))).toList();
            return new Run(id, scenarioId, shopper, date, status, sorted, startedBy, startedAt, completedBy, completedAt);
        }
    }

    private static RunRow runRow(ResultSet rs) throws SQLException {
        return new RunRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                RunStatus.valueOf(rs.getString(5)), rs.getString(6), instant(rs, 7), rs.getString(8), instant(rs, 9));
    }

    private static StepRecord step(ResultSet rs, int n) throws SQLException {
        return new StepRecord(Step.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                Outcome.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), instant(rs, 7), rs.getString(8));
    }

    private static Scenario scenario(ResultSet rs, int n) throws SQLException {
        return new Scenario(rs.getLong(1), rs.getString(2), Market.of(rs.getString(3)), Mode.valueOf(rs.getString(4)),
                rs.getString(5), PaymentMethod.valueOf(rs.getString(6)), rs.getString(7),
                Arrays.stream(rs.getString(8).split(",")).map(Step::valueOf).toList(), rs.getString(9), instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
