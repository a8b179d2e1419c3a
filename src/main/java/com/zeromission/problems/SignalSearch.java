package com.zeromission.problems;

import java.util.Objects;

import org.springframework.stereotype.Service;

import com.zeromission.problems.ProblemViews.SignalPage;
import com.zeromission.problems.internal.SignalSearchRepository;

/**
 * Reading the real cases: full-text search over the stored, masked signal texts in every language, with filters,
 * newest first, a page at a time, each signal with the problem it was grouped into; and every signal of one problem.
 * Only the masked text that intake stored is ever read or shown.
 */
@Service
public class SignalSearch {

    private final SignalSearchRepository repository;
    private final Problems problems;

    SignalSearch(SignalSearchRepository repository, Problems problems) {
        this.repository = repository;
        this.problems = problems;
    }

    public SignalPage search(SignalQuery query) {
        Objects.requireNonNull(query, "query");
        var found = repository.search(query);
        int pages = (int) Math.max(1, (found.total() + query.size() - 1) / query.size());
        return new SignalPage(query.page(), query.size(), found.total(), pages, found.hits());
    }

    /** Every signal of a problem, newest first; a problem that was merged has none left (they are in the other). */
    public SignalPage signalsOf(ProblemId problemId, int page, int size) {
        problems.get(problemId); // an unknown id is a ProblemNotFoundException, not an empty page
        return search(SignalQuery.ofProblem(problemId.value(), page, size));
    }
}
