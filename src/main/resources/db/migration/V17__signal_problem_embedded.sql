-- Whether a signal's sentence embedding took part when it was grouped (issue 4): the grouper embeds only English
-- texts whose words do not already decide, and a group's semantic centroid sums the embedded members only. Replays
-- (after a restart, on another instance) and rebuilds embed exactly these again, so they give the grouper the same
-- centroids, and spend the model's time only where the original assignment did. NULL for assignments made before
-- this migration: embedded when the language is supported, as they were then.
ALTER TABLE signal_problem ADD COLUMN embedded BOOLEAN;
