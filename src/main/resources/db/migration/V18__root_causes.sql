-- Root causes: a problem found by grouping may be one phrasing or language of a larger root cause. root_id names the
-- problem that stands for the root cause (NULL: the problem is a root cause itself, alone or with variants). The
-- consolidation pass recomputes it; counts, the weekly top list, trends and effect measurement add a root cause's
-- variants to it. Signals stay in their variant's problem, so a root cause can be taken apart again without moving
-- a single signal.
ALTER TABLE problem ADD COLUMN root_id BIGINT;
CREATE INDEX ix_problem_root ON problem (root_id);
