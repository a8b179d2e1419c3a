-- Problem names a person would write (issue 14, part 3): auto_label now holds a short clause chosen from the
-- problem's own masked texts instead of its top terms. Naming reads a sample of member texts, so it is not redone
-- on every drain batch: named_size is the problem's size when it was last named (0: never, or named the old way),
-- and it is named again when it has grown by a factor since, and after merges, splits and undos. auto_names holds
-- its name in each language of its texts (the variants), one per line: language, tab, texts named from, tab, name;
-- most texts first.
ALTER TABLE problem ADD COLUMN named_size BIGINT NOT NULL DEFAULT 0;
ALTER TABLE problem ADD COLUMN auto_names VARCHAR(4000);
