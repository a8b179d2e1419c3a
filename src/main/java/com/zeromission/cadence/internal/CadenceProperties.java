package com.zeromission.cadence.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

import com.zeromission.cadence.Squad;

/**
 * Settings under {@code zeromission.cadence}.
 *
 * @param squads      squads formed each week: last week's top problems nobody owns (default 3)
 * @param searchDepth how far down last week's ranking to look for unowned problems (default 20)
 * @param dueDays     days from the week start to a squad's due date (default 14)
 * @param cron        when the weekly job runs (Spring cron, UTC); default Monday 06:00
 * @param lead        who leads a squad the job forms, until an analyst names the lead (a person who forms squads
 *                    by hand leads them); default {@code success-lead}
 * @param scheduling  whether the weekly job runs at all (tests and one-shot commands switch it off)
 */
@ConfigurationProperties(prefix = "zeromission.cadence")
public record CadenceProperties(Integer squads, Integer searchDepth, Integer dueDays, String cron, String lead,
        Boolean scheduling) {

    public static final String DEFAULT_CRON = "0 0 6 * * MON";

    public CadenceProperties {
        squads = squads == null ? 3 : squads;
        searchDepth = searchDepth == null ? 20 : searchDepth;
        dueDays = dueDays == null ? 14 : dueDays;
        cron = cron == null || cron.isBlank() ? DEFAULT_CRON : cron.strip();
        lead = lead == null || lead.isBlank() ? "success-lead" : lead.strip();
        scheduling = scheduling == null ? Boolean.TRUE : scheduling;
        if (squads < 1 || squads > 50) {
            throw new IllegalArgumentException("zeromission.cadence.squads must be between 1 and 50, was " + squads);
        }
        if (searchDepth < squads || searchDepth > 500) {
            throw new IllegalArgumentException("zeromission.cadence.search-depth must be between squads (" + squads
                    + ") and 500, was " + searchDepth);
        }
        if (dueDays < 1 || dueDays > 365) {
            throw new IllegalArgumentException("zeromission.cadence.due-days must be between 1 and 365, was " + dueDays);
        }
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("zeromission.cadence.cron is not a Spring cron expression: '" + cron + "'");
        }
        if (!Squad.USER.matcher(lead).matches()) {
            throw new IllegalArgumentException("zeromission.cadence.lead must be a user name, was '" + lead + "'");
        }
    }
}
