-- Every API token expires (issue 15, finding 13). Tokens created without a lifetime never expired; they now expire
-- 90 days after this migration runs (the default lifetime), so no integration stops without warning: the admin sees
-- the date in GET /api/v1/tokens and replaces the token before then. From here on a token without an expiry cannot
-- be stored at all.
UPDATE api_token SET expires_at = CURRENT_TIMESTAMP + INTERVAL '90' DAY WHERE expires_at IS NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
