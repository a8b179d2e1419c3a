package com.zeromission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module's SQL names only its own tables (issue 17): a module that needs another's data asks its API or keeps a
 * copy fed by its events. {@code ApplicationModules.verify()} sees type dependencies, not SQL, so this test reads the
 * SQL: every string literal and text block of the main sources, where a table name follows FROM, JOIN, INTO, UPDATE,
 * TABLE or EXISTS (upper case, as all SQL here is written: "merge into problem 12" in a message is no SQL). Which tables there are comes from the Flyway migrations; whose they are from {@link #OWNERS}, which
 * must name an owner for every table a migration creates (a new table fails here until it has one).
 */
class TableOwnershipTest {

    static final Path MAIN = Path.of("src/main/java/com/zeromission");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table owners: the module (top-level package) whose SQL may name the table. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("intake", Set.of("signal", "signal_import", "signal_import_error", "erasure")),
            Map.entry("metrics", Set.of("signal_day", "purchase_day", "cpm_target", "signal_period", "purchase_period",
                    "signal_rollup_event")),
            Map.entry("alarms", Set.of("alert", "alarm_run")),
            Map.entry("problems", Set.of("problem_inbox", "problem", "signal_problem", "problem_week", "problem_event",
                    "problem_apart", "grouping_snapshot", "grouping_state", "problem_signal", "signal_word")),
            Map.entry("insights", Set.of("team", "team_member", "insight", "insight_transition", "insight_attachment")),
            Map.entry("audit", Set.of("audit_entry")),
            Map.entry("web", Set.of("api_token")),
            Map.entry("cadence", Set.of("cadence_run", "squad")),
            Map.entry("deadlines", Set.of("complaint_case")),
            Map.entry("leaps", Set.of("leap", "leap_log", "leap_recommendation")),
            Map.entry("mystery", Set.of("mystery_scenario", "mystery_run", "mystery_step")),
            Map.entry("callbacks", Set.of("callback_list", "callback_entry")),
            Map.entry("replay", Set.of("replay_session", "replay_chunk", "replay_signal")),
            Map.entry("limits", Set.of("rate_limit")),
            Map.entry("outbound", Set.of("webhook_delivery")),
            // ShedLock's lock rows, used by the library for the application's scheduled jobs (SchedulerLocks)
            Map.entry("(application)", Set.of("shedlock")),
            // Spring Modulith's event publication registry, used by the library only (database/internal/ModuleEvents)
            Map.entry("database", Set.of("event_publication")));

    private static final Pattern CREATE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern DROP = Pattern.compile("(?i)\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)");
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\\s+(\\w+)");

    @Test
    void everyTableAMigrationCreatesHasOneOwner() throws IOException {
        var created = new TreeSet<String>();
        var dropped = new TreeSet<String>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(f);
                Matcher m = CREATE.matcher(sql);
                while (m.find()) {
                    created.add(m.group(1).toLowerCase(Locale.ROOT));
                }
                Matcher d = DROP.matcher(sql);
                while (d.find()) {
                    dropped.add(d.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        created.removeAll(dropped); // no migration creates a table again after one dropped it
        var owned = new TreeMap<String, String>();
        OWNERS.forEach((module, tables) -> tables.forEach(t -> {
            String before = owned.put(t, module);
            assertThat(before).as("table %s has two owners", t).isNull();
        }));
        assertThat(owned.keySet()).as("tables in the ownership map = tables the migrations create").isEqualTo(created);
    }

    @Test
    void eachModulesSqlNamesOnlyItsOwnTables() {
        assertThat(violations(MAIN)).as("SQL naming another module's table").isEmpty();
    }

    @Test
    void aModuleReadingAnotherModulesTableIsFound() {
        // the check itself: problems reading intake's table, as it did before issue 17, and a text block of deadlines
        var problems = sqlReferences("problems", "class X { String q = \"SELECT s.body FROM signal s WHERE s.id = ?\"; "
                + "// FROM complaint_case in a comment is no SQL\n }");
        var deadlines = sqlReferences("deadlines", "class Y { String q = \"\"\"\n  SELECT id\n  FROM signal_day\n  \"\"\"; }");
        assertThat(problems).containsExactly("problems names signal (owned by intake)");
        assertThat(deadlines).containsExactly("deadlines names signal_day (owned by metrics)");
    }

    /** Every reference of a module's SQL to a table it does not own, as "module reads table (owner's)". */
    static List<String> violations(Path root) {
        var found = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                String module = rel.getNameCount() == 1 ? "(application)" : rel.getName(0).toString();
                sqlReferences(module, Files.readString(f)).forEach(v -> found.add(v + " in " + rel));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static List<String> sqlReferences(String module, String source) {
        var result = new ArrayList<String>();
        for (String literal : literals(source)) {
            Matcher m = REFERENCE.matcher(literal);
            while (m.find()) {
                String table = m.group(1).toLowerCase(Locale.ROOT);
                String owner = ownerOf(table);
                if (owner != null && !owner.equals(module)) {
                    result.add(module + " names " + table + " (owned by " + owner + ")");
                }
            }
        }
        return result;
    }

    private static String ownerOf(String table) {
        return OWNERS.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /** The string literals and text blocks of a Java source, comments and character literals skipped. */
    static List<String> literals(String src) {
        var out = new ArrayList<String>();
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != '\'') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                out.add(src.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"') {
                var b = new StringBuilder();
                int j = i + 1;
                while (j < n && src.charAt(j) != '"') {
                    if (src.charAt(j) == '\\' && j + 1 < n) {
                        b.append(src.charAt(j + 1));
                        j += 2;
                    } else {
                        b.append(src.charAt(j++));
                    }
                }
                out.add(b.toString());
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
