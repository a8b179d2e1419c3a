-- Session replay (issue 18): a signal may name the session replay it came with (the feedback form's recording, or a
-- replay id an API client sends). A random uuid the replay module gave the browser, no personal data; the replay
-- module keeps its own link table (replay_signal), this column is what intake was told. Cleared by an erasure.
ALTER TABLE signal ADD COLUMN replay_id UUID;
