package com.zeromission.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.zeromission.intake.DayRange;
import com.zeromission.metrics.internal.PurchaseRepository;

/** The denominator: purchase counts per day, market and product, upserted idempotently. */
@Service
public class Purchases {

    /** Result of an upsert: how many day/market/product figures were new and how many replaced an earlier one. */
    public record Stored(int created, int updated) {
    }

    public static final int MAX_BATCH = 10_000;

    private final PurchaseRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Purchases(PurchaseRepository repository, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Stores the figures in one transaction. Sending the same figure again changes nothing; sending a different
     * figure for the same day/market/product replaces it (sources correct their counts). Within one batch the last
     * figure for a key wins.
     */
    public Stored upsert(List<PurchaseCount> counts, String source) {
        if (source == null || !source.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("source must be 1-64 of a-z, 0-9, '.', '_' or '-', was '" + source + "'");
        }
        if (counts.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " purchase figures per batch, got " + counts.size());
        }
        // Every way in (the API, CSV files, Kafka, the demo) ends here: the one place a day from the future or from
        // before the product's first day is refused for all of them, before anything is written.
        var days = DayRange.upToToday(clock);
        counts.forEach(c -> days.require("day", c.day()));
        var unique = new LinkedHashMap<String, PurchaseCount>();
        counts.forEach(c -> unique.put(c.day() + "|" + c.market() + "|" + c.product(), c));
        var list = new ArrayList<>(unique.values());
        if (list.isEmpty()) {
            return new Stored(0, 0);
        }
        Integer created = tx.execute(status -> repository.upsert(list, source, clock.instant()));
        int c = created == null ? 0 : created;
        return new Stored(c, list.size() - c);
    }
}
