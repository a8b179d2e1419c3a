-- The word index of the signal search (the problems module): one row per distinct word of each signal's masked
-- text, so that a search looks its words up instead of reading every text (docs/problems.md). A word is folded to one
-- case and cut to 32 characters, and stored as its UTF-8 bytes: a prefix is then one range of the primary key on both
-- databases, whatever PostgreSQL's collation. Written when problems takes a signal in; an erased signal's rows are
-- deleted with it. The signals stored before this migration are indexed by V29_1 (in Java, after V29 made problems' own copy of the texts:
-- SignalWordBackfill).
CREATE TABLE signal_word (
    word      BYTEA NOT NULL,
    signal_id UUID  NOT NULL,
    PRIMARY KEY (word, signal_id)
);
-- a signal's words: the other words of a query are checked here, and an erasure deletes by it
CREATE INDEX ix_signal_word_signal ON signal_word (signal_id, word);
