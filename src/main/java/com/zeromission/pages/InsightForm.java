package com.zeromission.pages;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.InsightContent;

/**
 * The insight page's form for what the quality gate needs, as the browser sends it: every field a string, so that a
 * bad value is refused with its field's name (the label the form shows) and the value, before anything is changed.
 * The impact model's fees refunded and lost purchases are not in the form: they are kept as they are (the API sets
 * them). The replay field is the insight's first session-replay link; screenshots are kept.
 */
public record InsightForm(String title, String problemDefinition, String proposedSolution, String ownerTeam,
        String responsiblePerson, String effortPersonDays, String occurrencesPerYear, String contactsPerOccurrence,
        String contactCost, String shareRemovedPercent, String replayUrl) {

    static final String EFFORT = "effort (person-days)", OCCURRENCES = "occurrences a year",
            CONTACTS = "contacts per occurrence", CONTACT_COST = "cost of a contact",
            SHARE_REMOVED = "share removed by the fix (%)", REPLAY = "session-replay link";

    /** The form filled in with what the insight says now. */
    static InsightForm of(InsightContent c) {
        var impact = c.impact();
        return new InsightForm(c.title(), c.problemDefinition(), c.proposedSolution(), c.ownerTeam(), c.responsiblePerson(),
                c.effortPersonDays() == null ? "" : plain(BigDecimal.valueOf(c.effortPersonDays())),
                impact == null ? "" : String.valueOf(impact.occurrencesPerYear()),
                impact == null ? "" : plain(BigDecimal.valueOf(impact.contactsPerOccurrence())),
                impact == null ? "" : plain(impact.contactCost()),
                impact == null ? "" : plain(BigDecimal.valueOf(impact.shareRemoved()).movePointRight(2)),
                c.evidence().stream().filter(Evidence.ReplayLink.class::isInstance).map(e -> ((Evidence.ReplayLink) e).uri()
                        .toString()).findFirst().orElse(""));
    }

    /** Whether the stored impact model has parts the form does not show (and keeps). */
    static boolean keepsMoreThanTheForm(ImpactModel impact) {
        return impact != null && (impact.feesRefunded().signum() != 0 || impact.lostPurchaseShare() != 0
                || impact.lostPurchaseValue().signum() != 0);
    }

    /** The insight's content with this form's fields; refuses the first bad value, naming its field. */
    InsightContent apply(InsightContent c) {
        Double effort = null;
        BigDecimal e = number(EFFORT, effortPersonDays);
        if (e != null) {
            if (e.signum() <= 0 || e.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                throw new IllegalArgumentException(EFFORT + " must be more than 0 and at most 10000, was '"
                        + effortPersonDays.strip() + "'");
            }
            effort = e.doubleValue();
        }
        return new InsightContent(title == null ? c.title() : title, c.problemIds(), evidence(c.evidence()), c.exampleSignalIds(),
                blankToNull(problemDefinition), blankToNull(proposedSolution), impact(c.impact()), effort,
                blankToNull(ownerTeam), blankToNull(responsiblePerson), c.teamsNeeded(), c.approvalsNeeded(),
                c.riceImpact(), c.confidence());
    }

    private ImpactModel impact(ImpactModel before) {
        BigDecimal occurrences = number(OCCURRENCES, occurrencesPerYear), contacts = number(CONTACTS, contactsPerOccurrence),
                cost = number(CONTACT_COST, contactCost), share = number(SHARE_REMOVED, shareRemovedPercent);
        if (occurrences == null && contacts == null && cost == null && share == null) {
            return null;
        }
        var missing = new ArrayList<String>();
        if (occurrences == null) {
            missing.add(OCCURRENCES);
        }
        if (contacts == null) {
            missing.add(CONTACTS);
        }
        if (cost == null) {
            missing.add(CONTACT_COST);
        }
        if (share == null) {
            missing.add(SHARE_REMOVED);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the impact model needs all four of " + OCCURRENCES + ", " + CONTACTS + ", "
                    + CONTACT_COST + " and " + SHARE_REMOVED + "; missing: " + String.join(", ", missing));
        }
        if (occurrences.signum() < 0 || occurrences.stripTrailingZeros().scale() > 0
                || occurrences.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
            throw new IllegalArgumentException(OCCURRENCES + " must be a whole number from 0 to 1000000000000, was '"
                    + occurrencesPerYear.strip() + "'");
        }
        if (contacts.signum() < 0 || contacts.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(CONTACTS + " must be from 0 to 100, was '" + contactsPerOccurrence.strip() + "'");
        }
        if (cost.signum() < 0) {
            throw new IllegalArgumentException(CONTACT_COST + " must be 0 or more, was '" + contactCost.strip() + "'");
        }
        if (share.signum() < 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(SHARE_REMOVED + " must be from 0 to 100, was '" + shareRemovedPercent.strip() + "'");
        }
        return new ImpactModel(occurrences.longValueExact(), contacts.doubleValue(), cost,
                before == null ? BigDecimal.ZERO : before.feesRefunded(), before == null ? 0 : before.lostPurchaseShare(),
                before == null ? BigDecimal.ZERO : before.lostPurchaseValue(), share.movePointLeft(2).doubleValue());
    }

    private List<Evidence> evidence(List<Evidence> before) {
        var evidence = new ArrayList<>(before);
        int first = -1;
        for (int i = 0; i < evidence.size() && first < 0; i++) {
            if (evidence.get(i) instanceof Evidence.ReplayLink) {
                first = i;
            }
        }
        String url = blankToNull(replayUrl);
        if (url == null) {
            if (first >= 0) {
                evidence.remove(first);
            }
            return evidence;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException ex) {
            throw new IllegalArgumentException(REPLAY + " must be an absolute https URL, was '" + url + "'");
        }
        var link = new Evidence.ReplayLink(uri); // refuses anything but an absolute https URL, naming it
        if (first >= 0) {
            evidence.set(first, link);
        } else {
            evidence.add(link);
        }
        return evidence;
    }

    /** A decimal number as typed (a dot for decimals), or null when the field is empty. */
    private static BigDecimal number(String field, String value) {
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
