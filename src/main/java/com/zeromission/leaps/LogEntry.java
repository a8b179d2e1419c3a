package com.zeromission.leaps;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a leap's log: a stand-up, a weekly plan or a retro, on {@code date}, by {@code author} (masked text). */
public record LogEntry(long id, LogKind kind, LocalDate date, String author, String text, Instant recordedAt) {
}
