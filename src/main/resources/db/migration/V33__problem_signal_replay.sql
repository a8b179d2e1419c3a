-- Session replay (issue 18): problems' copy of a signal keeps the replay it came with (intake's signal.replay_id, V31),
-- so that a problem's page lists its signals' replays without reading another module's table. No backfill: V31 added
-- intake's column empty in the same release. Cleared when the signal is erased.
ALTER TABLE problem_signal ADD COLUMN replay_id UUID;
-- The few signals with a replay are found by this index (a problem's page reads them, then keeps its own): reading a
-- big root cause's signals to find them took hundreds of milliseconds on the demo.
CREATE INDEX ix_problem_signal_replay ON problem_signal (replay_id);
