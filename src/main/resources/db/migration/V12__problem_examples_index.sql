-- A problem's most representative members, best first: the problem list shows each problem's best example, and
-- without this index every row sorted all of its problem's members (1.3 s for a page of 200 problems on the demo).
CREATE INDEX ix_signal_problem_best ON signal_problem (problem_id, similarity DESC, seq);
