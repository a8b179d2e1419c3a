package com.zeromission.problems.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.zeromission.problems.grouping.GrouperState;
import com.zeromission.problems.grouping.OnlineGrouper;
import com.zeromission.text.AnalyzedText;
import com.zeromission.text.TextAnalyzer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Owns the one in-memory grouper and the lock that every change to grouping takes: assignment, merges, splits,
 * consolidation. The grouper's state is saved as a snapshot (with the inbox sequence number it includes) and, on
 * start-up, restored and brought up to date by replaying the assignments made after it. So the database stays the
 * truth (which signal is in which problem) and the grouper's centroids follow it.
 */
@Component
public class GroupingEngine {

    private static final Logger log = LoggerFactory.getLogger(GroupingEngine.class);

    private final ProblemRepository repository;
    private final TextAnalyzer analyzer;
    private final ProblemsProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile OnlineGrouper grouper;
    private volatile boolean restored;

    GroupingEngine(ProblemRepository repository, TextAnalyzer analyzer, ProblemsProperties properties) {
        this.repository = repository;
        this.analyzer = analyzer;
        this.properties = properties;
    }

    public ReentrantLock lock() {
        return lock;
    }

    /** The grouper, restored from the database on first use. Call with {@link #lock()} held. */
    public OnlineGrouper grouper() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the grouping lock must be held to use the grouper");
        }
        if (!restored) {
            restore();
        }
        return grouper;
    }

    /**
     * A group's most distinctive terms, for reading pages: without the grouping lock (the grouper guards itself), so
     * a long consolidation pass never blocks a reader; empty until the grouper was restored in this process.
     */
    public List<String> topTerms(long problemId, int n) {
        OnlineGrouper g = grouper;
        return restored && g != null && g.contains(problemId) ? g.topTerms(problemId, n) : List.of();
    }

    /** Whether the grouper was read from the database in this process (nothing to save otherwise). */
    public boolean isRestored() {
        return restored;
    }

    public AnalyzedText analyze(String text, String language) {
        return analyzer.analyze(text, language);
    }

    /** Analyses texts together (sentence embeddings are computed in batches: much faster than one by one). */
    public List<AnalyzedText> analyzeAll(List<String> texts, List<String> languages) {
        return analyzer.analyzeAll(texts, languages);
    }

    /** Re-reads the grouper from the last snapshot and the assignments after it (also after a failed change). */
    public void restore() {
        long t0 = System.nanoTime();
        var snapshot = repository.snapshot();
        long lastSeq = 0;
        if (snapshot.isPresent()) {
            grouper = OnlineGrouper.restore(read(snapshot.get().state()), properties.grouping(), repository::nextId);
            lastSeq = snapshot.get().lastSeq();
        } else {
            grouper = new OnlineGrouper(properties.grouping(), repository::nextId);
        }
        // Replay in order; members are added per problem in chunks, which is what add() is for, and analysed a chunk
        // at a time (sentence embeddings are computed in batches).
        var problemOf = new HashMap<UUID, Long>();
        var chunk = new Replay();
        int[] replayed = new int[1];
        repository.forEachAssignedAfter(lastSeq, m -> {
            chunk.add(problemOf.get(m.signalId()), m.text(), m.language());
            if (++replayed[0] % 5_000 == 0) {
                flush(chunk);
            }
        }, problemOf);
        flush(chunk);
        restored = true;
        if (snapshot.isPresent() || replayed[0] > 0) {
            log.info("Grouping state restored ({} after the snapshot replayed) in {} ms", replayed[0],
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Members waiting to be analysed and added, in the order they were assigned. */
    private static final class Replay {
        final List<Long> problems = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<String> languages = new ArrayList<>();

        void add(Long problem, String text, String language) {
            problems.add(problem);
            texts.add(text);
            languages.add(language);
        }
    }

    private void flush(Replay chunk) {
        if (chunk.texts.isEmpty()) {
            return;
        }
        List<AnalyzedText> analysed = analyzeAll(chunk.texts, chunk.languages);
        Map<Long, List<AnalyzedText>> byProblem = new java.util.LinkedHashMap<>();
        for (int i = 0; i < analysed.size(); i++) {
            byProblem.computeIfAbsent(chunk.problems.get(i), k -> new ArrayList<>()).add(analysed.get(i));
        }
        byProblem.forEach((problem, texts) -> grouper.add(problem, texts));
        chunk.problems.clear();
        chunk.texts.clear();
        chunk.languages.clear();
    }

    /** Saves the grouper as of {@code lastSeq}, inside the caller's transaction. Call with the lock held. */
    public void snapshot(long lastSeq, java.time.Instant now) {
        repository.saveSnapshot(lastSeq, now, write(grouper().snapshot()));
    }

    /** Recomputes a problem's centroid from its current members (after signals moved in or out). */
    public void rebuild(long problemId, boolean pinned) {
        var raw = new ArrayList<String>();
        var languages = new ArrayList<String>();
        repository.forEachMember(problemId, m -> {
            raw.add(m.text());
            languages.add(m.language());
        });
        List<AnalyzedText> texts = analyzeAll(raw, languages);
        OnlineGrouper g = grouper();
        if (g.contains(problemId)) {
            g.remove(problemId);
        }
        if (!texts.isEmpty()) {
            g.add(problemId, texts);
            g.pin(problemId, pinned);
        }
    }

    private byte[] write(GrouperState state) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            json.writeValue(out, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private GrouperState read(byte[] state) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(state))) {
            return json.readValue(in, GrouperState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
