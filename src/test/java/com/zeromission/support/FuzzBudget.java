package com.zeromission.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * "No input over one second" for the fuzz tests (docs/fuzzing.md). Measures the CPU time of the calling thread,
 * not wall time: this machine is shared, and a neighbour's build must not turn a fast input into a finding.
 * The first run of an input may pay for class loading and, while fuzzing, for instrumenting those classes; so an
 * input over the limit is run once more and counts as slow only if it is over the limit again.
 *
 * <p>A hang (an input that never returns) is not caught here but by libFuzzer's wall-clock {@code -timeout=10}, which the
 * fuzzing execution in the pom sets.
 */
public final class FuzzBudget {

    public static final Duration LIMIT = Duration.ofSeconds(1);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @FunctionalInterface
    public interface Input {
        void run() throws Exception;
    }

    private FuzzBudget() {
    }

    /** Runs one input; its exceptions and assertion errors propagate unchanged. */
    public static void within(Input input) throws Exception {
        long first = timed(input);
        if (first <= LIMIT.toNanos()) {
            return;
        }
        long second = timed(input);
        if (second > LIMIT.toNanos()) {
            throw new AssertionError("slow input: " + second / 1_000_000 + " ms of CPU time (first run "
                    + first / 1_000_000 + " ms); the limit is " + LIMIT.toMillis() + " ms per input");
        }
    }

    private static long timed(Input input) throws Exception {
        long start = now();
        input.run();
        return now() - start;
    }

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
