package com.zeromission.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.intake.Channel;
import com.zeromission.intake.IntakeService;
import com.zeromission.intake.Signal;
import com.zeromission.intake.SignalsErased;
import com.zeromission.intake.SignalsIngested;

/**
 * Opens a case for every formal complaint. The listener takes each {@link SignalsIngested} after intake committed, in
 * a transaction of its own, from the event publication registry: a failing insert here no longer rolls back the
 * complaint, and the registry hands the event over again until the cases committed. Opening is idempotent (a case
 * that exists is left as it is), so an event handed over twice opens nothing twice. What a case needs of the signal
 * is read through intake's API. At start-up a back-fill opens the cases of complaints stored before this module
 * existed, within the case window.
 */
@Component
@Order(5) // after the roll-ups (0), before grouping (10) and the demo loader
class ComplaintIntake implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);

    private final CaseRepository cases;
    private final IntakeService intake;
    private final RuleBook rules;
    private final DeadlinesProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    ComplaintIntake(CaseRepository cases, IntakeService intake, RuleBook rules, DeadlinesProperties properties,
            TransactionTemplate tx, Clock clock) {
        this.intake = intake;
        this.cases = cases;
        this.rules = rules;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(SignalsIngested event) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.caseWindow());
        var open = new ArrayList<CaseRepository.NewCase>();
        for (Signal s : intake.signals(event.signals())) {
            // A complaint older than the window (a historical import) is history: its deadlines passed long ago.
            if (s.countsAsComplaint() && !s.receivedAt().isBefore(since)) {
                open.add(newCase(s.id().value(), s.market().code(), s.product(), s.channel(), s.receivedAt()));
            }
        }
        cases.open(open, now);
    }

    /** Erased signals keep their case: it holds no text and no customer data, and the register's counts stay whole. */
    @EventListener
    void on(SignalsErased event) {
        // nothing to drop
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.backfill()) {
            backfill();
        }
    }

    /** Opens the missing cases of complaints received within the case window; returns how many. */
    int backfill() {
        Instant now = clock.instant();
        Integer opened = tx.execute(status -> {
            // The complaints of the window, through intake's API, less those that have their case already.
            Instant since = now.minus(properties.caseWindow());
            var withCase = cases.signalIdsReceivedSince(since);
            List<Signal> complaints = intake.complaintsSince(since).stream()
                    .filter(s -> !withCase.contains(s.id().value())).toList();
            return cases.open(complaints.stream().map(s -> newCase(s.id().value(), s.market().code(), s.product(),
                    s.channel(), s.receivedAt())).toList(), now);
        });
        if (opened != null && opened > 0) {
            log.info("Complaint cases: opened {} for complaints received in the last {} days before this module "
                    + "ran", opened, properties.caseWindow().toDays());
        }
        return opened == null ? 0 : opened;
    }

    private CaseRepository.NewCase newCase(java.util.UUID id, String market, String product,
            Channel channel, Instant receivedAt) {
        return new CaseRepository.NewCase(id, market, product, channel, receivedAt,
                rules.deadlines(market, product, receivedAt));
    }
}
