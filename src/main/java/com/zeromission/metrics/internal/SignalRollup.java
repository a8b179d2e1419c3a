package com.zeromission.metrics.internal;

import java.time.ZoneOffset;
import java.util.HashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.intake.IntakeService;
import com.zeromission.intake.Signal;
import com.zeromission.intake.SignalsIngested;
import com.zeromission.metrics.internal.SignalDayRepository.Cell;

/**
 * Keeps the daily signal roll-up. The listener runs synchronously inside intake's transaction, so a signal and its
 * count commit or roll back together: the roll-up can never disagree with the signals. At start-up, a roll-up that
 * is empty while signals exist (a database from before this module) is rebuilt from the signals.
 */
@Component
@Order(0) // before the demo loader, which adds signals through the listener
class SignalRollup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SignalRollup.class);

    private final SignalDayRepository days;
    private final IntakeService intake;
    private final TransactionTemplate tx;

    SignalRollup(SignalDayRepository days, IntakeService intake, TransactionTemplate tx) {
        this.days = days;
        this.intake = intake;
        this.tx = tx;
    }

    @EventListener
    void on(SignalsIngested event) {
        var counts = new HashMap<Cell, Long>();
        for (Signal s : event.signals()) {
            var cell = new Cell(s.receivedAt().atZone(ZoneOffset.UTC).toLocalDate(), s.market().code(), s.product(),
                    s.channel().code());
            counts.merge(cell, 1L, Long::sum);
        }
        days.add(counts);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (days.isEmpty()) {
            rebuild();
        }
    }

    /** Recomputes the roll-up from every stored signal, in one transaction. Returns the number of cells. */
    int rebuild() {
        Integer cells = tx.execute(status -> {
            days.deleteAll();
            var counts = new HashMap<Cell, Long>();
            intake.dailySignalCounts().forEach(c -> counts.put(new Cell(c.day(), c.market(), c.product(), c.channel()), c.signals()));
            if (!counts.isEmpty()) {
                days.add(counts);
            }
            return counts.size();
        });
        if (cells != null && cells > 0) {
            log.info("Rebuilt the daily signal roll-up from stored signals: {} cells", cells);
        }
        return cells == null ? 0 : cells;
    }
}
