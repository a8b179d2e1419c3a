package com.zeromission.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zeromission.problems.grouping.OnlineGrouper;
import com.zeromission.problems.internal.GroupingEngine;
import com.zeromission.problems.internal.ProblemRepository;
import com.zeromission.problems.internal.ProblemsProperties;
import com.zeromission.problems.naming.ProblemNamer;

import static com.zeromission.problems.Problems.MAX_LABEL;

/**
 * Names problems for {@link Problems} (their automatic label and their names per language, see {@link ProblemNamer})
 * and keeps what naming needs: the signals grouped per language, and the CPU time naming took. Callers hold the
 * grouping locks.
 */
final class ProblemNaming {

    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final GroupingEngine engine;
    private final ProblemRepository repository;
    private final ProblemsProperties properties;
    private final ProblemNamer namer;
    private final ProblemReads reads;
    /** Signals grouped per language, for the names' background (loaded from the database at first use). */
    final Map<String, Long> languages = new java.util.concurrent.ConcurrentHashMap<>();
    volatile boolean languagesLoaded;
    /** CPU time spent naming problems, and how many namings, since start-up (logged at debug level after each drain). */
    final java.util.concurrent.atomic.AtomicLong namingNanos = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong namings = new java.util.concurrent.atomic.AtomicLong();

    ProblemNaming(GroupingEngine engine, ProblemRepository repository, ProblemsProperties properties, ProblemNamer namer,
            ProblemReads reads) {
        this.engine = engine;
        this.repository = repository;
        this.properties = properties;
        this.namer = namer;
        this.reads = reads;
    }

    /**
     * Names a problem of {@code size} signals from a sample of its texts, the most similar to it (see {@link
     * ProblemNamer}): its automatic label and its names per language.
     */
    void name(long id, long size) {
        name(id, size, null);
    }

    /** {@link #name(long, long)} from the given texts (null: a sample read from the database). */
    void name(long id, long size, List<ProblemNamer.Text> texts) {
        long t0 = CPU.getCurrentThreadCpuTime();
        try {
            nameNow(id, size, texts);
        } finally {
            namingNanos.addAndGet(CPU.getCurrentThreadCpuTime() - t0);
            namings.incrementAndGet();
        }
    }

    private void nameNow(long id, long size, List<ProblemNamer.Text> texts) {
        var sample = texts != null ? texts : repository.mostSimilar(id, properties.namingSample()).stream()
                .map(m -> new ProblemNamer.Text(m.text(), m.language())).toList();
        if (!languagesLoaded) {
            repository.languages().forEach((language, n) -> languages.merge(language, n, Long::sum));
            languagesLoaded = true;
        }
        OnlineGrouper grouper = engine.grouper();
        var names = namer.name(sample, ProblemNamer.background(grouper::documentFrequency, grouper.documents(),
                Map.copyOf(languages)));
        var lines = new StringBuilder();
        names.byLanguage().forEach((language, name) -> {
            String line = language + "\t" + names.texts().get(language) + "\t" + name.replaceAll("\\s+", " ") + "\n";
            if (lines.length() + line.length() <= 4_000) {
                lines.append(line);
            }
        });
        String label = names.name().length() <= MAX_LABEL ? names.name() : names.name().substring(0, MAX_LABEL);
        repository.setNames(id, label, lines.isEmpty() ? null : lines.toString(), Math.max(1, size));
    }

    void name(long id) {
        name(id, reads.require(id).signals());
    }

    static long processCpuMillis() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /**
     * Names a root cause from its own texts and its variants' (the 20 largest): so that its name says what the whole
     * root cause is about, and is English when any of its variants is written in English.
     */
    void relabelRootCause(long problemId) {
        var texts = new ArrayList<ProblemNamer.Text>();
        repository.mostSimilar(problemId, properties.namingSample())
                .forEach(m -> texts.add(new ProblemNamer.Text(m.text(), m.language())));
        List<Problem> variants = reads.variants(problemId);
        int each = Math.max(5, properties.namingSample() / Math.max(1, Math.min(20, variants.size())));
        for (Problem v : variants.subList(0, Math.min(20, variants.size()))) {
            repository.mostSimilar(v.id(), each).forEach(m -> texts.add(new ProblemNamer.Text(m.text(), m.language())));
        }
        name(problemId, reads.require(problemId).signals(), texts);
    }

    void relabel(long problemId) {
        name(problemId);
    }
}
