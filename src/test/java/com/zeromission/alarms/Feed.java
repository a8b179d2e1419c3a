package com.zeromission.alarms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.zeromission.intake.IntakeService;
import com.zeromission.intake.RawSignal;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.markets.Scope;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.metrics.Purchases;
import com.zeromission.metrics.Targets;

/**
 * Feeds figures through the real public APIs, as production does: purchases through {@link Purchases}, complaints
 * through {@link IntakeService} (the metrics roll-up counts them in intake's transaction), targets through
 * {@link Targets}.
 */
public final class Feed {

    private final IntakeService intake;
    private final Purchases purchases;
    private final Targets targets;
    private final TestClock clock;
    private final String source;

    public Feed(IntakeService intake, Purchases purchases, Targets targets, TestClock clock, String source) {
        this.intake = intake;
        this.purchases = purchases;
        this.targets = targets;
        this.clock = clock;
        this.source = source;
    }

    public void target(int year, Scope scope, String cpm) {
        targets.set(new Targets.Target(year, scope, new BigDecimal(cpm)));
    }

    /**
     * One complete day of one market and product, delivered the night after it (the clock moves there: intake refuses
     * signals from the future).
     */
    public void day(LocalDate day, String market, String product, long purchaseCount, int complaints) {
        clock.nightAfter(day);
        purchases.upsert(List.of(new PurchaseCount(day, market, product, purchaseCount)), source);
        var batch = new ArrayList<SignalSubmission>(complaints);
        for (int i = 0; i < complaints; i++) {
            String at = day.atTime(8, 0).plusSeconds(i * 7L).toInstant(ZoneOffset.UTC).toString();
            batch.add(SignalSubmission.parse(new RawSignal(source, day + "-" + market + "-" + product + "-" + i, "complaint",
                    market, product, "invoice", at, "en", "The invoice never arrived and now there is a reminder fee",
                    null, List.of(), null), clock));
            if (batch.size() == 1_000) {
                intake.acceptAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            intake.acceptAll(batch);
        }
    }
}
