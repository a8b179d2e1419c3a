-- Several application instances on one database (issue 8): each keeps its grouper in memory as a cache of the
-- grouping state stored here. Every change to grouping (a drain of the inbox, an analyst's merge or split, the
-- consolidation pass, ...) runs in one transaction that first locks this one row (SELECT ... FOR UPDATE), so
-- grouping changes happen one at a time across all instances. version counts the changes that altered the grouper;
-- structural_version those that were not plain assignments (merges, splits, undos, consolidation, pins). An
-- instance whose grouper is at an older version replays the assignments made since (same structural_version) or
-- restores from the snapshot (which every structural change writes in its own transaction) before it changes
-- anything.
CREATE TABLE grouping_state (
    id                 INTEGER NOT NULL PRIMARY KEY,
    version            BIGINT  NOT NULL,
    structural_version BIGINT  NOT NULL
);
INSERT INTO grouping_state (id, version, structural_version) VALUES (1, 0, 0);

-- The grouping version whose change made each assignment: what another instance replays, in (version, seq) order.
-- NULL for assignments made before this migration (the snapshot's last_seq covers those, as before).
ALTER TABLE signal_problem ADD COLUMN grouping_version BIGINT;
CREATE INDEX ix_signal_problem_version ON signal_problem (grouping_version);

-- The grouping version a snapshot is the state of (0: written before this migration).
ALTER TABLE grouping_snapshot ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
