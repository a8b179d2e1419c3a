package com.zeromission.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.zeromission.markets.Market;
import com.zeromission.mystery.Mode;
import com.zeromission.mystery.MysteryShopping;
import com.zeromission.mystery.NewScenario;
import com.zeromission.mystery.Outcome;
import com.zeromission.mystery.PaymentMethod;
import com.zeromission.mystery.Step;
import com.zeromission.problems.ProblemsGrouped;

/**
 * The demo's mystery shopping, once the first grouping has caught up (so that the finding's signal is grouped with
 * the customers' complaints about the same thing): three scenarios, two completed runs (one found a reminder that
 * came before the invoice, the demo's invoice/reminder-fee problem seen from the inside; one found nothing) and one
 * run in progress. Dates count back from today. Skipped when scenarios exist (a restart, or the user's own).
 */
@Component
@ConditionalOnProperty(name = "zeromission.demo.enabled", havingValue = "true")
class DemoMysteryShopping {

    private static final Logger log = LoggerFactory.getLogger(DemoMysteryShopping.class);

    private final MysteryShopping mystery;
    private final Clock clock;
    private boolean done;

    DemoMysteryShopping(MysteryShopping mystery, Clock clock) {
        this.mystery = mystery;
        this.clock = clock;
    }

    /** Synchronized: a second caller waits for the first to finish rather than seeing half the demo runs. */
    @EventListener
    synchronized void on(ProblemsGrouped event) {
        if (done || event.waiting() > 0) {
            return;
        }
        done = true;
        if (!mystery.scenarios().isEmpty()) {
            return;
        }
        try {
            create();
        } catch (RuntimeException e) {
            log.warn("Demo mystery shopping could not be created: {}", e.getMessage());
        }
    }

    void create() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var se = mystery.createScenario(new NewScenario("SE online pay later", Market.of("SE"), Mode.ONLINE,
                "merchant web shop", PaymentMethod.PAY_LATER, "none", null), "analyst");
        var de = mystery.createScenario(new NewScenario("DE in store pay in 3", Market.of("DE"), Mode.IN_STORE,
                "store terminal, QR code", PaymentMethod.PAY_IN_3, "debit Visa", null), "analyst");
        var gb = mystery.createScenario(new NewScenario("GB online pay now", Market.of("GB"), Mode.ONLINE, "in-app",
                PaymentMethod.PAY_NOW, "debit Mastercard",
                List.of(Step.ORDER_CONFIRMATION, Step.DELIVERY, Step.RETURN_REFUND, Step.CUSTOMER_SERVICE)), "analyst");

        // Completed, with one finding: the reminder (and its fee) before the invoice.
        LocalDate bought = today.minusDays(30);
        var run = mystery.start(se.id(), "anna", bought, "anna");
        mystery.record(run.id(), Step.ORDER_CONFIRMATION, bought, Outcome.OK,
                "Order confirmation e-mail within a minute, with the due date in 14 days", "anna");
        mystery.record(run.id(), Step.DELIVERY, bought.plusDays(2), Outcome.OK, "Parcel delivered to the pick-up point", "anna");
        mystery.record(run.id(), Step.REMINDER, bought.plusDays(16), Outcome.PROBLEM,
                "Got a reminder before I ever saw the invoice, with a reminder fee of 60 kr on top. The first letter I "
                        + "received was the reminder, not the invoice: the paper invoice only reached me 5 days later, "
                        + "after the due date.", "anna");
        mystery.record(run.id(), Step.INVOICE, bought.plusDays(21), Outcome.OK,
                "Paper invoice arrived by post, five days after the reminder; the amount was right", "anna");
        mystery.record(run.id(), Step.RETURN_REFUND, bought.plusDays(21), Outcome.NOT_APPLICABLE, null, "anna");
        mystery.record(run.id(), Step.CUSTOMER_SERVICE, bought.plusDays(22), Outcome.OK,
                "Chat removed the reminder fee in ten minutes", "anna");
        var completion = mystery.complete(run.id(), "anna");

        // Completed without findings: pay now in the app, refunded to the card.
        LocalDate gbBought = today.minusDays(20);
        var clean = mystery.start(gb.id(), "lars", gbBought, "lars");
        mystery.record(clean.id(), Step.ORDER_CONFIRMATION, gbBought, Outcome.OK, "Receipt in the app and by e-mail", "lars");
        mystery.record(clean.id(), Step.DELIVERY, gbBought.plusDays(3), Outcome.OK, null, "lars");
        mystery.record(clean.id(), Step.RETURN_REFUND, gbBought.plusDays(9), Outcome.OK,
                "Returned one item; the refund was back on the debit card after three days", "lars");
        mystery.record(clean.id(), Step.CUSTOMER_SERVICE, gbBought.plusDays(9), Outcome.NOT_APPLICABLE, null, "lars");
        mystery.complete(clean.id(), "lars");

        // In progress: bought in store five days ago, the first instalment is not due yet.
        LocalDate deBought = today.minusDays(5);
        var open = mystery.start(de.id(), "member", deBought, "member");
        mystery.record(open.id(), Step.ORDER_CONFIRMATION, deBought, Outcome.OK,
                "Confirmation e-mail with the three instalment dates", "member");
        mystery.record(open.id(), Step.DELIVERY, deBought, Outcome.NOT_APPLICABLE, "Taken home from the store", "member");

        log.info("Demo mystery shopping: 3 scenarios, runs {}, {} (completed, {} signal(s)) and {} (in progress)", run.id(),
                clean.id(), completion.signalIds().size(), open.id());
    }
}
