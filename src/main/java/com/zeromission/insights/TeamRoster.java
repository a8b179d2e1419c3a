package com.zeromission.insights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.insights.internal.InsightRepository;
import com.zeromission.privacy.TextMasker;

/**
 * The team directory's rows for {@link Insights}: saving a team, importing teams from CSV (all or nothing), and who
 * is in which team.
 */
final class TeamRoster {

    private final InsightRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TextMasker masker;

    TeamRoster(InsightRepository repository, TransactionTemplate tx, Clock clock, TextMasker masker) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.masker = masker;
    }

    boolean saveTeam(Team team) {
        return Boolean.TRUE.equals(tx.execute(s -> repository.saveTeam(team, clock.instant())));
    }

    /**
     * Imports teams from CSV ({@code team,area,person}, a header row, one row per member; a team without members is
     * one row with an empty person). All or nothing: a bad row refuses the whole file, naming its line. Each team in
     * the file replaces the team of that name.
     */
    List<Team> importTeams(String csv) {
        var members = new java.util.LinkedHashMap<String, List<String>>();
        var areas = new HashMap<String, String>();
        var errors = new ArrayList<String>();
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(true).ofCsvRecord(csv)) {
            boolean header = true;
            for (var record : reader) {
                long line = record.getStartingLineNumber();
                if (header) {
                    header = false;
                    var names = record.getFields().stream().map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).toList();
                    if (!names.equals(List.of("team", "area", "person"))) {
                        throw new IllegalArgumentException("line 1: the header must be team,area,person, was " + String.join(",", names));
                    }
                    continue;
                }
                if (record.getFieldCount() != 3) {
                    errors.add("line " + line + ": 3 fields expected, found " + record.getFieldCount());
                    continue;
                }
                String team = record.getField(0).strip(), area = record.getField(1).strip(), person = record.getField(2).strip();
                try {
                    new Team(team, area, person.isEmpty() ? List.of() : List.of(person)); // validates both names
                } catch (IllegalArgumentException e) {
                    errors.add("line " + line + ": " + e.getMessage());
                    continue;
                }
                String known = areas.putIfAbsent(team, area);
                if (known != null && !known.equals(area)) {
                    // areas are typed text: echoed masked, like everywhere else they are shown
                    errors.add("line " + line + ": team " + team + " has area '" + masker.mask(known).text()
                            + "' on an earlier line, here '" + masker.mask(area).text() + "'");
                }
                var list = members.computeIfAbsent(team, k -> new ArrayList<>());
                if (!person.isEmpty()) {
                    list.add(person);
                }
            }
        } catch (java.io.IOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new IllegalArgumentException("team import refused: the CSV cannot be read (" + e.getMessage() + ")");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("team import refused, nothing stored: " + String.join("; ", errors.subList(0,
                    Math.min(20, errors.size()))) + (errors.size() > 20 ? "; and " + (errors.size() - 20) + " more" : ""));
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("team import refused: the file has no team rows");
        }
        var teams = members.entrySet().stream().map(e -> new Team(e.getKey(), areas.get(e.getKey()), e.getValue())).toList();
        tx.executeWithoutResult(s -> teams.forEach(t -> repository.saveTeam(t, clock.instant())));
        return teams;
    }

    List<Team> teams() {
        return repository.teams();
    }

    /** The team of that name, if there is one. */
    java.util.Optional<Team> team(String name) {
        return repository.teams().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The teams {@code user} is a member of, by name. The team directory is the one record of who belongs to which
     * team (the sign-in accounts carry roles only): moving a person between teams takes effect at once, and the
     * quality gate's "responsible person belongs to the owner team" reads the same rows.
     */
    List<Team> teamsOf(String user) {
        var names = java.util.Set.copyOf(repository.teamsOf(user));
        return names.isEmpty() ? List.of() : teams().stream().filter(t -> names.contains(t.name())).toList();
    }
}
