package com.zeromission.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The organisation signal: a simple fix that needs too many teams or approvals is itself a bad sign about the
 * organisation. Flags the insights over the limits, shows the average teams and approvals per fix by area (the owner
 * team's area), and which teams keep having to coordinate (how many insights each pair of teams shares).
 *
 * @param coordination the team co-occurrence matrix: {@code counts[i][j]} insights need both {@code teams[i]} and
 *                     {@code teams[j]} (the diagonal: insights that need the team at all)
 */
public record OrganisationReport(int maxTeams, int maxApprovals, List<Flag> flagged, List<Area> byArea, List<Pair> topPairs,
        List<String> teams, long[][] coordination) {

    /** Fixes of at most this many person-days are "simple": needing many teams for them is the strongest signal. */
    public static final double SIMPLE_FIX_DAYS = 5;

    public record Flag(InsightId insightId, String title, int teams, int approvals, Double effortPersonDays, boolean simpleFix,
            List<String> reasons) {
    }

    public record Area(String area, int insights, double averageTeams, double averageApprovals) {
    }

    public record Pair(String a, String b, long insights) {
    }

    public static OrganisationReport of(List<Insight> insights, List<Team> registry, int maxTeams, int maxApprovals) {
        if (maxTeams < 1 || maxApprovals < 0) {
            throw new IllegalArgumentException("maxTeams must be >= 1 and maxApprovals >= 0, were " + maxTeams + " and " + maxApprovals);
        }
        var areaOf = new HashMap<String, String>();
        registry.forEach(t -> areaOf.put(t.name(), t.area() == null ? "(no area)" : t.area()));
        var flags = new ArrayList<Flag>();
        var areas = new TreeMap<String, double[]>(); // insights, teams, approvals
        var teamNames = new TreeSet<String>();
        var needs = new ArrayList<List<String>>();
        for (Insight i : insights) {
            var c = i.content();
            var teams = new TreeSet<>(c.teamsNeeded());
            if (c.ownerTeam() != null && !c.ownerTeam().isBlank()) {
                teams.add(c.ownerTeam());
            }
            int approvals = c.approvalsNeeded().size();
            var reasons = new ArrayList<String>();
            if (teams.size() > maxTeams) {
                reasons.add(teams.size() + " teams (more than " + maxTeams + "): " + String.join(", ", teams));
            }
            if (approvals > maxApprovals) {
                reasons.add(approvals + " approvals (more than " + maxApprovals + "): " + String.join(", ", c.approvalsNeeded()));
            }
            boolean simple = c.effortPersonDays() != null && c.effortPersonDays() <= SIMPLE_FIX_DAYS;
            if (!reasons.isEmpty()) {
                flags.add(new Flag(i.id(), c.title(), teams.size(), approvals, c.effortPersonDays(), simple, reasons));
            }
            String area = c.ownerTeam() == null ? "(no owner)" : areaOf.getOrDefault(c.ownerTeam(), "(unknown team)");
            double[] a = areas.computeIfAbsent(area, k -> new double[3]);
            a[0]++;
            a[1] += teams.size();
            a[2] += approvals;
            teamNames.addAll(teams);
            needs.add(List.copyOf(teams));
        }
        // simple fixes first: a week's work held up by five teams says most about the organisation
        flags.sort(Comparator.comparing((Flag f) -> !f.simpleFix()).thenComparing(f -> -f.teams()).thenComparing(Flag::insightId));
        var names = List.copyOf(teamNames);
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        long[][] counts = new long[names.size()][names.size()];
        for (var teams : needs) {
            for (String a : teams) {
                for (String b : teams) {
                    counts[index.get(a)][index.get(b)]++;
                }
            }
        }
        var pairs = new ArrayList<Pair>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (counts[i][j] > 0) {
                    pairs.add(new Pair(names.get(i), names.get(j), counts[i][j]));
                }
            }
        }
        pairs.sort(Comparator.comparingLong((Pair p) -> -p.insights()).thenComparing(Pair::a).thenComparing(Pair::b));
        var byArea = new ArrayList<Area>();
        areas.forEach((area, a) -> byArea.add(new Area(area, (int) a[0], a[1] / a[0], a[2] / a[0])));
        return new OrganisationReport(maxTeams, maxApprovals, flags, byArea, pairs.subList(0, Math.min(20, pairs.size())),
                names, counts);
    }

    /** For a glance in logs and tests: "checkout+invoicing: 3". */
    public Map<String, Long> pairCounts() {
        var m = new TreeMap<String, Long>();
        topPairs.forEach(p -> m.put(p.a() + "+" + p.b(), p.insights()));
        return m;
    }
}
