-- Issue 15: one policy for every text a person types (com.zeromission.privacy.FreeText): names and titles up to 200
-- characters, texts up to 5,000, references (a team's area) up to 64, all counted as stored (masked). The columns
-- below were shorter than the policy; a longer value reached the database and failed there with the value in the
-- error message (and so in the log). SET DATA TYPE is understood by H2 and PostgreSQL alike; only widening, no data
-- changes.
ALTER TABLE leap ALTER COLUMN name SET DATA TYPE VARCHAR(200);
ALTER TABLE leap ALTER COLUMN mandate SET DATA TYPE VARCHAR(5000);
ALTER TABLE leap_log ALTER COLUMN body SET DATA TYPE VARCHAR(5000);
ALTER TABLE leap_recommendation ALTER COLUMN body SET DATA TYPE VARCHAR(5000);
ALTER TABLE squad ALTER COLUMN mandate SET DATA TYPE VARCHAR(5000);
ALTER TABLE squad ALTER COLUMN outcome SET DATA TYPE VARCHAR(5000);
ALTER TABLE callback_entry ALTER COLUMN notes SET DATA TYPE VARCHAR(5000);
ALTER TABLE insight_transition ALTER COLUMN note SET DATA TYPE VARCHAR(6000);
