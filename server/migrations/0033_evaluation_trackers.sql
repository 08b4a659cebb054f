-- The evaluation ballot's tracker, as the vote's: the SHA-256 of a random token shown once to
-- the delegate. The hashes are published after the evaluation window closes, so a delegate can
-- see their ballot was counted; no account sits beside them.
ALTER TABLE project_evaluation_ballots ADD COLUMN tracker_hash TEXT;
CREATE UNIQUE INDEX project_evaluation_ballots_tracker ON project_evaluation_ballots (tracker_hash);
