package com.zeromission.insights.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.zeromission.audit.AuditLog;
import com.zeromission.insights.Attachment;
import com.zeromission.insights.Insight;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Team;
import com.zeromission.privacy.FreeText;
import com.zeromission.privacy.TextMasker;

import tools.jackson.databind.json.JsonMapper;

/** Plain JDBC for teams and insights; the content is a JSON document, SQL that runs on H2 and PostgreSQL alike. */
@Repository
public class InsightRepository {

    /** An insight row before the gate is applied to it. */
    public record Row(long id, InsightState state, InsightContent content, String createdBy, Instant createdAt,
            Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    private final AuditLog audit;

    public InsightRepository(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    // ---- teams -------------------------------------------------------------------------------------------------

    /** Creates or replaces a team and its members; returns true when it was new. */
    public boolean saveTeam(Team team, Instant now) {
        boolean created = jdbc.update("INSERT INTO team (name, area, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                team.name(), team.area(), ts(now)) > 0;
        if (!created) {
            jdbc.update("UPDATE team SET area = ? WHERE name = ?", team.area(), team.name());
        }
        jdbc.update("DELETE FROM team_member WHERE team_name = ?", team.name());
        jdbc.batchUpdate("INSERT INTO team_member (team_name, person) VALUES (?, ?)", team.members(), team.members().size(),
                (ps, m) -> {
                    ps.setString(1, team.name());
                    ps.setString(2, m);
                });
        return created;
    }

    public List<Team> teams() {
        var members = new java.util.LinkedHashMap<String, List<String>>();
        var areas = new java.util.HashMap<String, String>();
        jdbc.query("SELECT name, area FROM team ORDER BY name", rs -> {
            members.put(rs.getString(1), new ArrayList<>());
            areas.put(rs.getString(1), rs.getString(2));
        });
        jdbc.query("SELECT team_name, person FROM team_member ORDER BY team_name, person",
                rs -> {
                    members.get(rs.getString(1)).add(rs.getString(2));
                });
        return members.entrySet().stream().map(e -> new Team(e.getKey(), areas.get(e.getKey()), e.getValue())).toList();
    }

    public boolean teamExists(String team) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM team WHERE name = ?", Long.class, team) > 0;
    }

    public boolean isMember(String team, String person) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM team_member WHERE team_name = ? AND person = ?", Long.class, team,
                person) > 0;
    }

    /** The names of the teams {@code person} is a member of, sorted. */
    public List<String> teamsOf(String person) {
        return jdbc.queryForList("SELECT team_name FROM team_member WHERE person = ? ORDER BY team_name", String.class,
                person);
    }

    // ---- insights ----------------------------------------------------------------------------------------------

    public long create(InsightContent content, String actor, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO insight (title, state, owner_team, content, created_by, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, content.title());
            ps.setString(2, InsightState.DRAFT.name());
            ps.setString(3, content.ownerTeam());
            ps.setString(4, document(content));
            ps.setString(5, actor);
            ps.setObject(6, ts(now));
            ps.setObject(7, ts(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public void update(long id, InsightContent content, Instant now) {
        jdbc.update("UPDATE insight SET title = ?, owner_team = ?, content = ?, updated_at = ? WHERE id = ?",
                content.title(), content.ownerTeam(), document(content), ts(now), id);
    }

    public void setState(long id, InsightState state, Instant now) {
        jdbc.update("UPDATE insight SET state = ?, updated_at = ? WHERE id = ?", state.name(), ts(now), id);
    }

    /** Reads an insight and locks its row for the rest of the transaction (two delegations cannot interleave). */
    public Optional<Row> find(long id, boolean forUpdate) {
        return jdbc.query("SELECT id, state, content, created_by, created_at, updated_at FROM insight WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""), (rs, n) -> row(rs), id).stream().findFirst();
    }

    public List<Row> all(List<InsightState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT id, state, content, created_by, created_at, updated_at FROM insight WHERE state IN ("
                + String.join(",", java.util.Collections.nCopies(states.size(), "?")) + ") ORDER BY id",
                (rs, n) -> row(rs), states.stream().map(InsightState::name).toArray());
    }

    /** The insights whose owner team is one of {@code teams}, in one of {@code states}, oldest first. */
    public List<Row> ownedBy(List<String> teams, List<InsightState> states) {
        if (teams.isEmpty() || states.isEmpty()) {
            return List.of();
        }
        var args = new ArrayList<Object>(teams);
        states.forEach(st -> args.add(st.name()));
        return jdbc.query("SELECT id, state, content, created_by, created_at, updated_at FROM insight WHERE owner_team IN ("
                + String.join(",", java.util.Collections.nCopies(teams.size(), "?")) + ") AND state IN ("
                + String.join(",", java.util.Collections.nCopies(states.size(), "?")) + ") ORDER BY id",
                (rs, n) -> row(rs), args.toArray());
    }

    /** Records a workflow step (or a refusal), and the same in the audit trail, in one transaction. */
    public void recordTransition(long id, InsightState from, InsightState to, String actor, Instant at, String note) {
        audit.record(actor, from == to ? "insight.note" : "insight." + to.code(), "insight " + id, note);
        jdbc.update("INSERT INTO insight_transition (insight_id, from_state, to_state, actor, at, note) VALUES (?, ?, ?, ?, ?, ?)",
                id, from == null ? null : from.name(), to.name(), actor, ts(at), note);
    }

    /**
     * Records a content edit in the history (a step from the state to itself, as an attachment is) and, as
     * {@code insight.edited}, in the audit trail, in the caller's transaction.
     */
    public void recordEdit(long id, InsightState state, String actor, Instant at, String note) {
        audit.record(actor, "insight.edited", "insight " + id, note);
        jdbc.update("INSERT INTO insight_transition (insight_id, from_state, to_state, actor, at, note) VALUES (?, ?, ?, ?, ?, ?)",
                id, state.name(), state.name(), actor, ts(at), note.length() <= 2000 ? note : note.substring(0, 1999) + "…");
    }

    public List<Insight.Transition> history(long id) {
        return jdbc.query("SELECT from_state, to_state, actor, at, note FROM insight_transition WHERE insight_id = ? ORDER BY id",
                (rs, n) -> new Insight.Transition(rs.getString(1) == null ? null : InsightState.valueOf(rs.getString(1)),
                        InsightState.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)), id);
    }

    // ---- attachments -------------------------------------------------------------------------------------------

    public void saveAttachment(java.util.UUID id, long insightId, Attachment a, String actor, Instant now) {
        String sha = java.util.HexFormat.of().formatHex(sha256(a.data()));
        jdbc.update("INSERT INTO insight_attachment (id, insight_id, file_name, content_type, bytes, sha256, data, uploaded_by, "
                + "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, insightId, a.fileName(), a.contentType(),
                (long) a.data().length, sha, a.data(), actor, ts(now));
    }

    public Optional<Attachment> attachment(long insightId, java.util.UUID id) {
        return jdbc.query("SELECT file_name, content_type, data FROM insight_attachment WHERE id = ? AND insight_id = ?",
                (rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), id, insightId)
                .stream().findFirst();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong(1), InsightState.valueOf(rs.getString(2)),
                stored(rs.getString(3)), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    /** The insight's content column holds at most this many characters (V6__insights.sql). */
    static final int MAX_DOCUMENT = 100_000;

    /**
     * The content as stored. Each field has its own limit, but a document near the column's size is refused here,
     * naming the limit, rather than by the database, whose message would carry the document into the log.
     */
    private String document(InsightContent content) {
        String doc = json.writeValueAsString(content);
        if (doc.length() > MAX_DOCUMENT) {
            throw new IllegalArgumentException("an insight's content may be at most " + MAX_DOCUMENT
                    + " characters as stored, was " + doc.length() + "; shorten its texts or evidence");
        }
        return doc;
    }

    /** Longest stored text per field, from the typed-text policy (rows written before it may hold longer ones). */
    private static final java.util.Map<String, Integer> LIMITS = java.util.Map.of(
            "title", FreeText.Kind.NAME.max(),
            "problemDefinition", FreeText.Kind.TEXT.max(),
            "proposedSolution", FreeText.Kind.TEXT.max(),
            "ownerTeam", FreeText.Kind.LABEL.max(),
            "responsiblePerson", FreeText.Kind.LABEL.max());

    /**
     * Reads a stored content. Rows written before the typed-text policy (issue 15) may hold texts longer than it
     * allows, or control characters: those are shortened and cleaned here so that the insight still loads, and its
     * texts are masked by {@link InsightContent} like new ones. Refusing them would make the insight unreadable.
     */
    private InsightContent stored(String document) {
        var node = (tools.jackson.databind.node.ObjectNode) json.readTree(document);
        LIMITS.forEach((field, max) -> {
            var value = node.get(field);
            if (value != null && value.isString()) {
                boolean multiline = max == FreeText.Kind.TEXT.max();
                String text = value.asString().replaceAll(multiline ? "[\\p{Cntrl}&&[^\\n\\r\\t]]" : "\\p{Cntrl}", " ");
                String masked = TextMasker.standard().mask(text).text();
                node.put(field, masked.length() > max ? masked.substring(0, max - 1) + "…" : masked);
            }
        });
        return json.treeToValue(node, InsightContent.class);
    }

    private static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
