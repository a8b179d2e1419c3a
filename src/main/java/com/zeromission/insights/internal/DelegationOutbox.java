package com.zeromission.insights.internal;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.zeromission.insights.Insight;
import com.zeromission.outbound.WebhookClient;
import com.zeromission.outbound.WebhookOutbox;
import com.zeromission.privacy.TextMasker;

import tools.jackson.databind.json.JsonMapper;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Tells the owner's own tracker that an insight was delegated, through the one webhook outbox ({@link WebhookOutbox},
 * target {@code insights}): the event is written in the delegation's transaction (so it is sent if and only if the
 * delegation committed) and delivered at least once with the outbox's retry policy, every attempt's outcome kept. The
 * receiver deduplicates by {@code Idempotency-Key}. Free text is masked once more on the way out: analysts write it,
 * and an export must never carry personal data.
 */
@Component
public class DelegationOutbox {

    private static final Logger log = LoggerFactory.getLogger(DelegationOutbox.class);
    public static final String TARGET = "insights";
    public static final String EVENT = "insight.delegated";

    private final WebhookOutbox outbox;
    private final TextMasker masker;
    private final WebhookClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    DelegationOutbox(WebhookOutbox outbox, InsightsProperties properties, TextMasker masker) {
        this.outbox = outbox;
        this.masker = masker;
        this.client = properties.webhookEnabled() ? new WebhookClient(new WebhookClient.Target(URI.create(properties.webhookUrl()),
                properties.webhookSecret(), properties.webhookTimeout(), "zeromission-insights/1")) : null;
    }

    static String subject(long insightId) {
        return "insight:" + insightId;
    }

    /** Writes the delegation event, in the caller's transaction; nothing when no webhook is configured. */
    public void enqueue(Insight insight, String actor, Instant at) {
        if (client == null) {
            return;
        }
        var c = insight.content();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("event", EVENT);
        payload.put("insightId", insight.id());
        payload.put("title", mask(c.title()));
        payload.put("ownerTeam", c.ownerTeam());
        payload.put("responsiblePerson", c.responsiblePerson());
        payload.put("problemIds", c.problemIds());
        payload.put("problemDefinition", mask(c.problemDefinition()));
        payload.put("proposedSolution", mask(c.proposedSolution()));
        payload.put("valuePerYear", c.impact() == null ? null : c.impact().valuePerYear());
        payload.put("impact", c.impact() == null ? null : c.impact().explain());
        payload.put("effortPersonDays", c.effortPersonDays());
        payload.put("teamsNeeded", c.teamsNeeded());
        payload.put("approvalsNeeded", c.approvalsNeeded());
        payload.put("delegatedBy", actor);
        payload.put("delegatedAt", at.toString());
        payload.put("link", "/api/v1/insights/" + insight.id());
        outbox.enqueue(new WebhookOutbox.Event(TARGET, subject(insight.id().value()), UUID.randomUUID().toString(), EVENT,
                json.writeValueAsString(payload)), at);
    }

    /** Sends every delivery that is due; returns how many were delivered now. */
    public int deliverDue() {
        if (client == null) {
            return 0;
        }
        return outbox.deliverDue(TARGET, client).delivered();
    }

    // one instance delivers at a time, so an event is not sent twice at once (receivers still deduplicate)
    @Scheduled(fixedDelayString = "${zeromission.insights.delivery-interval:PT30S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "insights-deliveries", lockAtMostFor = "PT10M")
    void scheduled() {
        if (client != null && !Boolean.FALSE.equals(scheduling)) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.error("Delivering delegation events failed; the next round tries again", e);
            }
        }
    }

    @org.springframework.beans.factory.annotation.Value("${zeromission.insights.scheduling:true}")
    Boolean scheduling;

    public List<WebhookOutbox.Delivery> deliveries(long insightId) {
        return outbox.deliveries(TARGET, subject(insightId));
    }

    private String mask(String text) {
        return text == null ? null : masker.mask(text).text();
    }
}
