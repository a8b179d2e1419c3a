package com.zeromission.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.zeromission.markets.Scope;
import com.zeromission.metrics.CpmService;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.metrics.Purchases;
import com.zeromission.metrics.Targets;

/**
 * Puts the demo's purchase volumes and yearly targets into the metrics module. The targets follow the real
 * program's pattern (MISSION.md): about −10 % for the first year of the mission, then a bolder −17 %.
 */
@Component
public class DemoMetrics {

    private static final Logger log = LoggerFactory.getLogger(DemoMetrics.class);
    static final Map<Integer, BigDecimal> TARGETS = Map.of(2025, new BigDecimal("36"), 2026, new BigDecimal("28"));

    private final Purchases purchases;
    private final Targets targets;
    private final CpmService cpm;

    public DemoMetrics(Purchases purchases, Targets targets, CpmService cpm) {
        this.purchases = purchases;
        this.targets = targets;
        this.cpm = cpm;
    }

    /** Loads the purchases of the period unless they are all there already, and sets missing targets. */
    public void ensure(DemoSettings settings) {
        var generator = new DemoDataGenerator(settings);
        long expected = generator.purchases().mapToLong(DailyPurchases::purchases).sum();
        long stored = cpm.totals(Scope.GLOBAL, settings.from(), settings.to()).purchases();
        if (stored != expected) {
            long started = System.nanoTime();
            var batch = new ArrayList<PurchaseCount>(Purchases.MAX_BATCH);
            long[] rows = new long[1];
            generator.purchases().forEach(p -> {
                batch.add(new PurchaseCount(p.day(), p.market(), p.product(), p.purchases()));
                if (batch.size() == Purchases.MAX_BATCH) {
                    purchases.upsert(batch, DemoDataGenerator.SOURCE);
                    rows[0] += batch.size();
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                purchases.upsert(batch, DemoDataGenerator.SOURCE);
                rows[0] += batch.size();
            }
            log.info("Demo data: {} daily purchase figures ({} purchases) in {} ms", rows[0], expected,
                    (System.nanoTime() - started) / 1_000_000);
        }
        TARGETS.forEach((year, value) -> {
            if (targets.list(year).stream().noneMatch(t -> t.scope().equals(Scope.GLOBAL))) {
                targets.set(new Targets.Target(year, Scope.GLOBAL, value));
            }
        });
    }
}
