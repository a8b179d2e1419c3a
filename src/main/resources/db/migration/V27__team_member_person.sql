-- Owners who log in (issue 16): "which teams is this user in" and "which insights do these teams own" are asked on
-- every team member's move and "my team" view; the primary key of team_member starts with the team, so it does not help.
CREATE INDEX ix_team_member_person ON team_member (person);
CREATE INDEX ix_insight_owner_team ON insight (owner_team);
