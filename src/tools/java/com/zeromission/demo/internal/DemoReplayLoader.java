package com.zeromission.demo.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.demo.DemoReplaySessions;
import com.zeromission.intake.Channel;
import com.zeromission.intake.IdempotencyConflictException;
import com.zeromission.intake.IntakeOutcome;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.JourneyStage;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.markets.Market;
import com.zeromission.replay.ReplayId;
import com.zeromission.replay.Replays;

/**
 * The demo's recorded sessions (issue 18): customers on the demo checkout whose card payment fails, each followed by
 * the feedback-form message they sent, linked to its replay, so that the problem those messages group into lists
 * replays on its page. Sessions fall on every other day of the last {@link #WINDOW_DAYS} days (about ten), at a time
 * of day drawn from the seed and the day.
 *
 * <p>Replays are kept 30 days after they are stored, so these are made relative to today and topped up on every
 * start, like the loader's signals: a day's session and signal are stored once, under a replay id and a source id
 * derived from the seed and the day. A start finds what is there by that id: a day whose signal exists is left alone
 * (its replay may have been erased since, which a restart must not undo), a day without one gets both, in one
 * transaction. Days that fall out of the window keep their sessions until the retention job deletes them; a start
 * weeks later adds the recent days' sessions again.
 */
@Component
@ConditionalOnProperty(name = "zeromission.demo.enabled", havingValue = "true")
class DemoReplayLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoReplayLoader.class);

    /** The source of the sessions' feedback-form signals: apart from the generator's, which has no replays. */
    static final String SOURCE = "demo-replay";
    static final int WINDOW_DAYS = 21;
    /** Markets whose customers write in English often enough (the messages are English), cycled through by day. */
    private static final List<String> MARKETS = List.of("GB", "SE", "US", "DE", "NL", "GB", "NO", "US", "FI", "DK");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** What one load did: sessions stored now, and days that had theirs already. */
    record Result(int stored, int present) {
    }

    private final IntakeService intake;
    private final Replays replays;
    private final TransactionTemplate tx;
    private final DemoProperties properties;
    private final Clock clock;

    DemoReplayLoader(IntakeService intake, Replays replays, TransactionTemplate tx, DemoProperties properties, Clock clock) {
        this.intake = intake;
        this.replays = replays;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the sessions of the window's days that have none yet; safe to call again at any time. Run by
     * {@link DemoLoader} after the demo's signals. A day that fails is logged and left out (nothing of it is stored):
     * the rest of the demo works without it.
     */
    Result load() {
        long started = System.nanoTime();
        int stored = 0, present = 0, failed = 0;
        for (LocalDate day : days(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            try {
                if (store(day)) {
                    stored++;
                } else {
                    present++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Demo replay of {} could not be stored: {}", day, e.getMessage());
            }
        }
        // counts only: the messages are the customers' words
        log.info("Demo replays: {} sessions stored, {} there already{} (last {} days) in {} ms", stored, present,
                failed == 0 ? "" : ", " + failed + " failed", WINDOW_DAYS, (System.nanoTime() - started) / 1_000_000);
        return new Result(stored, present);
    }

    /** Every other day (even epoch days, so that the days stay the same from one start to the next) of the window. */
    static List<LocalDate> days(LocalDate today) {
        var days = new ArrayList<LocalDate>();
        for (LocalDate d = today.minusDays(WINDOW_DAYS); d.isBefore(today); d = d.plusDays(1)) {
            if (d.toEpochDay() % 2 == 0) {
                days.add(d);
            }
        }
        return days;
    }

    /** The replay id of a day's session: the same on every start, so that a start can tell it stored it before. */
    static ReplayId replayId(long seed, LocalDate day) {
        return new ReplayId(UUID.nameUUIDFromBytes(("zeromission demo replay " + seed + " " + day)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The day's session and its signal, unless its signal is there (then false). */
    private boolean store(LocalDate day) {
        long seed = properties.seed() ^ day.toEpochDay() * 0x9E3779B97F4A7C15L;
        var random = new SplittableRandom(seed);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(7 * 3600 + random.nextInt(13 * 3600));
        var session = DemoReplaySessions.session(seed, start);
        ReplayId id = replayId(properties.seed(), day);
        var feedback = new SignalSubmission(SOURCE, "replay-" + DAY.format(day), Channel.FEEDBACK_FORM,
                Market.of(MARKETS.get((int) Math.floorMod(day.toEpochDay() / 2, MARKETS.size()))), "pay-now",
                JourneyStage.CHECKOUT, start.plusMillis(session.durationMillis()), "en", session.feedbackMessage(),
                null, List.of(), null, id.value());
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                // the signal first (its replay id names a session not stored yet, so intake's link finds nothing),
                // then the session, linked to it; one transaction, so that neither is stored without the other
                if (!(intake.accept(feedback) instanceof IntakeOutcome.Created created)) {
                    return false;
                }
                replays.store(id, session.json(), start, created.signal().id());
                return true;
            }));
        } catch (IdempotencyConflictException e) {
            return false; // the day's signal is there with other content (another seed): left as it is
        }
    }
}
