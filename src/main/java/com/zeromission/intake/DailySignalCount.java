package com.zeromission.intake;

import java.time.LocalDate;

/** How many signals of one channel, market and product were received on one UTC day. */
public record DailySignalCount(LocalDate day, String market, String product, String channel, long signals) {
}
