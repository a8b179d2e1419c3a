package com.zeromission.pages;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.InsightContent;
import com.zeromission.privacy.TypedTextRefusedException;

/**
 * The form for everything the quality gate needs, as the browser sends it (the new-insight page and the insight
 * page's edit form): every field a string, so that a bad value is refused beside its field, in the words the form
 * shows, with the value as typed, before anything is changed. A field the browser did not send (null) keeps what the
 * insight says; the impact model's fees refunded and lost purchases are not in the form and are kept as they are.
 * Screenshots and call notes are evidence the form does not edit: they are kept.
 *
 * @param problems   the linked problems' ids, separated by commas or spaces
 * @param replayUrl  the session-replay links, one per line (all of the insight's replay links)
 * @param replayMoments moments of the product's own replays, one per line: {@code <replay id> at 1:23} (as the form
 *                   shows them), or the player's address pasted from the browser, {@code …/replays/<id>?t=83000}
 * @param teamsNeeded     every team the fix needs, separated by commas
 * @param approvalsNeeded every approval the fix needs, separated by commas
 * @param occurrencesReason why the occurrences typed differ from the linked problems' measured complaints (required
 *                        then, as in the API; empty while they follow the data)
 */
public record InsightForm(String title, String problemDefinition, String proposedSolution, String ownerTeam,
        String responsiblePerson, String effortPersonDays, String occurrencesPerYear, String contactsPerOccurrence,
        String contactCost, String shareRemovedPercent, String replayUrl, String replayMoments, String problems,
        String teamsNeeded, String approvalsNeeded, String occurrencesReason) {

    static final String EFFORT = "effort (person-days)", OCCURRENCES = "occurrences a year",
            CONTACTS = "contacts per occurrence", CONTACT_COST = "cost of a contact",
            SHARE_REMOVED = "share removed by the fix (%)", REPLAY = "session-replay link", MOMENT = "replay moment";
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** The player's address, as the browser shows it: {@code https://host/replays/<id>?t=83000}, host optional. */
    private static final java.util.regex.Pattern PLAYER_ADDRESS = java.util.regex.Pattern.compile(
            "(?:https?://[^/\\s]+)?/replays/(" + UUID + ")/?(?:\\?t=(\\d{1,9}))?");
    /** As the form shows a moment: {@code <id> at 1:23}, {@code at 1:02:03} or {@code at 0:04.250}; no time is 0:00. */
    private static final java.util.regex.Pattern ID_AT_TIME = java.util.regex.Pattern.compile(
            "(" + UUID + ")(?:\\s+(?:at|@)\\s+(?:(\\d{1,2}):)?(\\d{1,4}):(\\d{2})(?:\\.(\\d{1,3}))?)?");
    /** The key of errors that belong to the impact model as a whole (its fieldset), not to one of its fields. */
    static final String IMPACT = "impact";
    /** The names the form shows, for refusals that name a field of the content. */
    private static final Map<String, String> LABELS = Map.of("title", "title", "problemDefinition", "problem definition",
            "proposedSolution", "proposed solution", "ownerTeam", "owner team", "responsiblePerson", "responsible person",
            "teamsNeeded", "teams needed", "approvalsNeeded", "approvals needed", "evidence", "evidence");

    /** What the form says: the content to save, or what is wrong, by field (the form's input names). */
    sealed interface Outcome {
    }

    record Valid(InsightContent content) implements Outcome {
    }

    record Invalid(Map<String, String> errors) implements Outcome {
        Invalid {
            errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }

        /** One error's own message, or how many fields need correcting (each says why beside it). */
        String summary() {
            return errors.size() == 1 ? errors.values().iterator().next()
                    : errors.size() + " fields need correcting; each says why beside it";
        }
    }

    /** The form filled in with what the insight says now. */
    static InsightForm of(InsightContent c) {
        var impact = c.impact();
        return new InsightForm(c.title(), c.problemDefinition(), c.proposedSolution(), c.ownerTeam(), c.responsiblePerson(),
                c.effortPersonDays() == null ? "" : plain(BigDecimal.valueOf(c.effortPersonDays())),
                impact == null || impact.occurrencesPerYear() == null ? "" : String.valueOf(impact.occurrencesPerYear()),
                impact == null ? "" : plain(BigDecimal.valueOf(impact.contactsPerOccurrence())),
                impact == null ? "" : plain(impact.contactCost()),
                impact == null ? "" : plain(BigDecimal.valueOf(impact.shareRemoved()).movePointRight(2)),
                String.join("\n", c.evidence().stream().filter(Evidence.ReplayLink.class::isInstance)
                        .map(e -> ((Evidence.ReplayLink) e).uri().toString()).toList()),
                String.join("\n", c.evidence().stream().filter(Evidence.ReplayMoment.class::isInstance)
                        .map(e -> ((Evidence.ReplayMoment) e).replayId() + " at " + ((Evidence.ReplayMoment) e).time())
                        .toList()),
                String.join(", ", c.problemIds().stream().map(String::valueOf).toList()),
                String.join(", ", c.teamsNeeded()), String.join(", ", c.approvalsNeeded()),
                impact == null || impact.occurrencesReason() == null ? "" : impact.occurrencesReason());
    }

    /** The same form with other occurrences a year (the measured default) and no reason. */
    InsightForm withOccurrences(String occurrences) {
        return new InsightForm(title, problemDefinition, proposedSolution, ownerTeam, responsiblePerson, effortPersonDays,
                occurrences, contactsPerOccurrence, contactCost, shareRemovedPercent, replayUrl, replayMoments, problems,
                teamsNeeded, approvalsNeeded, "");
    }

    /** The same form with another title. */
    InsightForm withTitle(String other) {
        return new InsightForm(other, problemDefinition, proposedSolution, ownerTeam, responsiblePerson, effortPersonDays,
                occurrencesPerYear, contactsPerOccurrence, contactCost, shareRemovedPercent, replayUrl, replayMoments,
                problems, teamsNeeded, approvalsNeeded, occurrencesReason);
    }

    /** Whether the stored impact model has parts the form does not show (and keeps). */
    static boolean keepsMoreThanTheForm(ImpactModel impact) {
        return impact != null && (impact.feesRefunded().signum() != 0 || impact.lostPurchaseShare() != 0
                || impact.lostPurchaseValue().signum() != 0);
    }

    /** The problem ids the form links, or an empty list when it names none or a bad one (reported by {@link #parse}). */
    List<Long> problemIds() {
        try {
            return ids(problems);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * The insight's content with this form's fields, or every bad value by field. {@code base}: what the insight says
     * now (an empty draft for a new one).
     */
    Outcome parse(InsightContent base) {
        var errors = new LinkedHashMap<String, String>();
        Double effort = effortPersonDays == null ? base.effortPersonDays()
                : field(errors, "effortPersonDays", () -> effort(number(EFFORT, effortPersonDays)));
        // the impact model's four fields come together (one fieldset): none sent keeps the model as it is
        ImpactModel impact = occurrencesPerYear == null && contactsPerOccurrence == null && contactCost == null
                && shareRemovedPercent == null ? base.impact() : impact(base.impact(), errors);
        List<Evidence> links = field(errors, "replayUrl", this::links);
        List<Evidence> moments = field(errors, "replayMoments", this::moments);
        List<Evidence> evidence = evidence(base.evidence(), links, moments);
        List<Long> problemIds = problems == null ? base.problemIds() : field(errors, "problems", () -> ids(problems));
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        try {
            return new Valid(new InsightContent(title == null ? base.title() : title, problemIds, evidence,
                    base.exampleSignalIds(), problemDefinition == null ? base.problemDefinition() : blankToNull(problemDefinition),
                    proposedSolution == null ? base.proposedSolution() : blankToNull(proposedSolution), impact, effort,
                    ownerTeam == null ? base.ownerTeam() : blankToNull(ownerTeam),
                    responsiblePerson == null ? base.responsiblePerson() : blankToNull(responsiblePerson),
                    teamsNeeded == null ? base.teamsNeeded() : list(teamsNeeded),
                    approvalsNeeded == null ? base.approvalsNeeded() : list(approvalsNeeded), base.riceImpact(),
                    base.confidence()));
        } catch (TypedTextRefusedException e) {
            // the content's own checks name the content's field ("teamsNeeded[2]"): said in the form's words, beside it
            String field = e.field().replaceAll("\\[.*", "");
            return new Invalid(Map.of(LABELS.containsKey(field) ? field : "title",
                    e.getMessage().replace(e.field(), LABELS.getOrDefault(field, field))));
        } catch (IllegalArgumentException e) {
            // the content's list limits ("evidence may hold at most 20 entries"): beside the links, else the title
            return new Invalid(Map.of(String.valueOf(e.getMessage()).startsWith("evidence") ? "replayUrl" : "title",
                    e.getMessage()));
        }
    }

    private interface Part<T> {
        T get();
    }

    private static <T> @Nullable T field(Map<String, String> errors, String name, Part<T> part) {
        try {
            return part.get();
        } catch (IllegalArgumentException e) {
            errors.put(name, e.getMessage());
            return null;
        }
    }

    private @Nullable Double effort(BigDecimal e) {
        if (e == null) {
            return null;
        }
        if (e.signum() <= 0 || e.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new IllegalArgumentException(EFFORT + " must be more than 0 and at most 10000, was '"
                    + effortPersonDays.strip() + "'");
        }
        return e.doubleValue();
    }

    /** The impact model, or null when all four fields are empty; a bad value is put beside its field. */
    private @Nullable ImpactModel impact(ImpactModel before, Map<String, String> errors) {
        BigDecimal occurrences = field(errors, "occurrencesPerYear", () -> whole(number(OCCURRENCES, occurrencesPerYear))),
                contacts = field(errors, "contactsPerOccurrence", () -> range(CONTACTS, number(CONTACTS, contactsPerOccurrence), 100)),
                cost = field(errors, "contactCost", () -> cents(range(CONTACT_COST, number(CONTACT_COST, contactCost), 1_000_000_000))),
                share = field(errors, "shareRemovedPercent", () -> range(SHARE_REMOVED, number(SHARE_REMOVED, shareRemovedPercent), 100));
        if (contacts == null && cost == null && share == null) {
            // nothing estimated yet: occurrences alone (prefilled from the problems' complaints) are no model
            return null;
        }
        var missing = new ArrayList<String>();
        for (var part : List.of(Map.entry(OCCURRENCES, "occurrencesPerYear"), Map.entry(CONTACTS, "contactsPerOccurrence"),
                Map.entry(CONTACT_COST, "contactCost"), Map.entry(SHARE_REMOVED, "shareRemovedPercent"))) {
            if (errors.containsKey(part.getValue())) {
                return null;
            }
            if (blankToNull(switch (part.getValue()) {
                case "occurrencesPerYear" -> occurrencesPerYear;
                case "contactsPerOccurrence" -> contactsPerOccurrence;
                case "contactCost" -> contactCost;
                default -> shareRemovedPercent;
            }) == null) {
                missing.add(part.getKey());
            }
        }
        if (!missing.isEmpty()) {
            errors.put(IMPACT, "the impact model needs all four of " + OCCURRENCES + ", " + CONTACTS + ", "
                    + CONTACT_COST + " and " + SHARE_REMOVED + "; missing: " + String.join(", ", missing));
            return null;
        }
        // the measured occurrences are the insights module's to fill in; a typed number other than them needs the reason
        return new ImpactModel(occurrences.longValueExact(), contacts.doubleValue(), cost,
                before == null ? BigDecimal.ZERO : before.feesRefunded(), before == null ? 0 : before.lostPurchaseShare(),
                before == null ? BigDecimal.ZERO : before.lostPurchaseValue(), share.movePointLeft(2).doubleValue(), null,
                blankToNull(occurrencesReason));
    }

    private BigDecimal whole(BigDecimal occurrences) {
        if (occurrences != null && (occurrences.signum() < 0 || occurrences.stripTrailingZeros().scale() > 0
                || occurrences.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0)) {
            throw new IllegalArgumentException(OCCURRENCES + " must be a whole number from 0 to 1000000000000, was '"
                    + occurrencesPerYear.strip() + "'");
        }
        return occurrences;
    }

    /** An amount in whole cents at most ("6.50", not "6.505"). */
    private BigDecimal cents(BigDecimal amount) {
        if (amount != null && amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(CONTACT_COST + " must have at most two decimals, was '" + contactCost.strip() + "'");
        }
        return amount;
    }

    /** The value when it is from 0 to {@code max} (no upper limit when null). */
    private static BigDecimal range(String name, BigDecimal value, Integer max) {
        if (value != null && (value.signum() < 0 || max != null && value.compareTo(BigDecimal.valueOf(max)) > 0)) {
            throw new IllegalArgumentException(name + (max == null ? " must be 0 or more" : " must be from 0 to " + max)
                    + ", was '" + (value.precision() - value.scale() > 30 ? value.toString() : value.toPlainString()) + "'");
        }
        return value;
    }

    /**
     * The evidence with the replay links and moments the fields list, in place of the ones it had (a field the browser
     * did not send, null, keeps its kind as it was); screenshots and call notes kept.
     */
    private List<Evidence> evidence(List<Evidence> before, @Nullable List<Evidence> links, @Nullable List<Evidence> moments) {
        var evidence = new ArrayList<Evidence>(before.stream()
                .filter(e -> !(links != null && e instanceof Evidence.ReplayLink))
                .filter(e -> !(moments != null && e instanceof Evidence.ReplayMoment)).toList());
        evidence.addAll(links == null ? List.of() : links);
        evidence.addAll(moments == null ? List.of() : moments);
        return evidence;
    }

    /** The session-replay links, one per line; null when the browser did not send the field. */
    private @Nullable List<Evidence> links() {
        if (replayUrl == null) {
            return null;
        }
        var links = new ArrayList<Evidence>();
        for (String url : replayUrl.strip().split("\\s+")) {
            if (url.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (java.net.URISyntaxException ex) {
                throw new IllegalArgumentException(REPLAY + " must be an absolute https URL, was '" + url + "'");
            }
            links.add(new Evidence.ReplayLink(uri)); // refuses anything but an absolute https URL, naming it
        }
        return links;
    }

    /**
     * The replay moments, one per line ({@code <id> at 1:23} or the player's address); null when the browser did not
     * send the field. A bad line is refused with its number and what was typed; the same moment twice is kept once.
     */
    private @Nullable List<Evidence> moments() {
        if (replayMoments == null) {
            return null;
        }
        var moments = new ArrayList<Evidence>();
        String[] lines = replayMoments.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            var moment = moment(line, i + 1, lines.length);
            if (!moments.contains(moment)) {
                moments.add(moment);
            }
        }
        return moments;
    }

    private static Evidence.ReplayMoment moment(String line, int number, int lines) {
        String where = lines == 1 ? "" : " (line " + number + ")";
        var address = PLAYER_ADDRESS.matcher(line);
        if (address.matches()) {
            return new Evidence.ReplayMoment(address.group(1), address.group(2) == null ? 0 : Long.parseLong(address.group(2)));
        }
        var typed = ID_AT_TIME.matcher(line);
        if (!typed.matches()) {
            throw new IllegalArgumentException(MOMENT + where + " must be a replay id and a time, e.g. "
                    + "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b at 1:23, or the player's address ending in /replays/{id}?t=83000;"
                    + " was '" + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "'");
        }
        if (typed.group(4) == null) {
            return new Evidence.ReplayMoment(typed.group(1), 0);
        }
        long hours = typed.group(2) == null ? 0 : Long.parseLong(typed.group(2)),
                minutes = Long.parseLong(typed.group(3)), seconds = Long.parseLong(typed.group(4));
        if (seconds > 59 || typed.group(2) != null && minutes > 59) {
            throw new IllegalArgumentException(MOMENT + where + "'s time must be m:ss or h:mm:ss with at most 59 seconds"
                    + " and minutes, was '" + line + "'");
        }
        String fraction = typed.group(5) == null ? "0" : (typed.group(5) + "00").substring(0, 3);
        // the moment's own check names a time past its limit (24 hours)
        return new Evidence.ReplayMoment(typed.group(1),
                ((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(fraction));
    }

    private static List<Long> ids(String text) {
        var ids = new ArrayList<Long>();
        for (String s : text == null ? new String[0] : text.strip().split("[\\s,;]+")) {
            String id = s.startsWith("#") ? s.substring(1) : s;
            if (id.isEmpty()) {
                continue;
            }
            if (!id.matches("\\d{1,18}") || Long.parseLong(id) == 0) {
                throw new IllegalArgumentException("problems must be problem numbers separated by commas, e.g. 12, 15; '"
                        + s + "' is not one");
            }
            if (!ids.contains(Long.parseLong(id))) {
                ids.add(Long.parseLong(id));
            }
        }
        return ids;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** A decimal number as typed (a dot for decimals), or null when the field is empty. */
    private static @Nullable BigDecimal number(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            // a decimal comma (2,5) is how half of Europe writes numbers; thousands separators are not accepted
            return new BigDecimal(v.matches("-?\\d+,\\d+") ? v.replace(',', '.') : v);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(field + " must be a number, was '" + v + "'");
        }
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
