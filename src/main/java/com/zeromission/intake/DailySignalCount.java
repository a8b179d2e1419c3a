package com.zeromission.intake;

import java.time.LocalDate;

/** How many signals of one channel (its code, e.g. {@code regulator-complaint}), market and product arrived on one UTC day. */
public record DailySignalCount(LocalDate day, String market, String product, String channel, long signals) {
}
