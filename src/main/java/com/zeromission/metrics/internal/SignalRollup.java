package com.zeromission.metrics.internal;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.intake.IntakeService;
import com.zeromission.intake.Signal;
import com.zeromission.intake.SignalsIngested;
import com.zeromission.metrics.internal.PeriodRollupRepository.SignalCell;
import com.zeromission.metrics.internal.SignalDayRepository.Cell;

/**
 * Keeps the daily signal roll-up. The listener takes each {@link SignalsIngested} after intake committed, in a
 * transaction of its own, from the event publication registry: a failure here never costs intake a signal, and the
 * registry hands the event over again (on restart, or by the periodic retry in {@code ModuleEvents}) until the counts committed.
 * The event's id is recorded with the counts, so an event handed over twice is counted once. At start-up, a roll-up that
 * is empty while signals exist (a database from before this module) is rebuilt from the signals, and missing weekly
 * and monthly roll-ups are derived from the daily ones.
 */
@Component
@Order(0) // before the demo loader, which adds signals through the listener
class SignalRollup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SignalRollup.class);

    private final SignalDayRepository days;
    private final PeriodRollupRepository periods;
    private final PurchaseRepository purchases;
    private final IntakeService intake;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    SignalRollup(SignalDayRepository days, PeriodRollupRepository periods, PurchaseRepository purchases,
            IntakeService intake, TransactionTemplate tx, java.time.Clock clock) {
        this.clock = clock;
        this.days = days;
        this.periods = periods;
        this.purchases = purchases;
        this.intake = intake;
        this.tx = tx;
    }

    @ApplicationModuleListener
    void on(SignalsIngested event) {
        if (!days.firstTimeFor(event.id(), clock.instant())) {
            return;
        }
        var counts = new HashMap<Cell, Long>();
        for (Signal s : intake.signals(event.signals())) {
            var cell = new Cell(s.receivedAt().atZone(ZoneOffset.UTC).toLocalDate(), s.market().code(), s.product(),
                    s.channel().code());
            counts.merge(cell, 1L, Long::sum);
        }
        days.add(counts);
        periods.addSignals(periodsOf(counts));
    }

    private static Map<SignalCell, Long> periodsOf(Map<Cell, Long> dayCounts) {
        var counts = new HashMap<SignalCell, Long>();
        dayCounts.forEach((c, n) -> {
            for (Grain g : Grain.values()) {
                counts.merge(new SignalCell(g, g.start(c.day()), c.market(), c.product(), c.channel()), n, Long::sum);
            }
        });
        return counts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (days.isEmpty()) {
            rebuild();
        } else if (periods.isEmpty("signal_period")) {
            // a database from before the weekly and monthly roll-ups: derive them from the daily one
            tx.executeWithoutResult(status -> periods.addSignals(periodsOf(dailyCells())));
            log.info("Built the weekly and monthly signal roll-ups from the daily one");
        }
        if (periods.isEmpty("purchase_period")) {
            int figures = rebuildPurchasePeriods();
            if (figures > 0) {
                log.info("Built the weekly and monthly purchase roll-ups from {} daily figures", figures);
            }
        }
    }

    private Map<Cell, Long> dailyCells() {
        var counts = new HashMap<Cell, Long>();
        days.forEach(java.time.LocalDate.of(1900, 1, 1), java.time.LocalDate.of(9999, 12, 31), null, null, null,
                c -> counts.put(c.cell(), c.signals()));
        return counts;
    }

    /** Recomputes the weekly and monthly purchase roll-ups from the daily figures, in one transaction. */
    int rebuildPurchasePeriods() {
        Integer figures = tx.execute(status -> {
            periods.deletePurchases();
            var deltas = new HashMap<PeriodRollupRepository.PurchaseCell, Long>();
            int[] n = new int[1];
            purchases.forEach(java.time.LocalDate.of(1900, 1, 1), java.time.LocalDate.of(9999, 12, 31), null, null, p -> {
                n[0]++;
                for (Grain g : Grain.values()) {
                    deltas.merge(new PeriodRollupRepository.PurchaseCell(g, g.start(p.day()), p.market(), p.product()),
                            p.purchases(), Long::sum);
                }
            });
            periods.addPurchases(deltas);
            return n[0];
        });
        return figures == null ? 0 : figures;
    }

    /** Recomputes the roll-up from every stored signal, in one transaction. Returns the number of cells. */
    int rebuild() {
        Integer cells = tx.execute(status -> {
            days.deleteAll();
            periods.deleteSignals();
            var counts = new HashMap<Cell, Long>();
            intake.dailySignalCounts().forEach(c -> counts.put(new Cell(c.day(), c.market(), c.product(), c.channel()), c.signals()));
            if (!counts.isEmpty()) {
                days.add(counts);
                periods.addSignals(periodsOf(counts));
            }
            return counts.size();
        });
        if (cells != null && cells > 0) {
            log.info("Rebuilt the daily signal roll-up from stored signals: {} cells", cells);
        }
        return cells == null ? 0 : cells;
    }
}
