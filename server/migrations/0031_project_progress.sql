-- Livelihood projects after the vote: progress (实施), inspections and the year-end evaluation
-- (监督), and citizens' advisory ratings.

-- When the vote closed: progress is due within 31 days of it, then of each update.
ALTER TABLE project_cycles ADD COLUMN closed_at_ms BIGINT;

-- Staff's progress updates of an adopted project; nothing is deleted.
CREATE TABLE project_progress (
    id TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES project_candidates (id),
    percent BIGINT NOT NULL,
    done TEXT NOT NULL,
    delay_reason TEXT,
    lower_reason TEXT,
    author_id TEXT NOT NULL REFERENCES accounts (id),
    at_ms BIGINT NOT NULL
);
CREATE INDEX project_progress_by_candidate ON project_progress (candidate_id, at_ms);

-- Delegates' inspections (视察) of an adopted project of their congress.
CREATE TABLE project_inspections (
    id TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES project_candidates (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    notes TEXT NOT NULL,
    at_ms BIGINT NOT NULL
);
CREATE INDEX project_inspections_by_candidate ON project_inspections (candidate_id, at_ms);

-- A cycle's year-end evaluation window: `open` or `closed`. `eligible` is counted at opening.
CREATE TABLE project_evaluation_windows (
    cycle_id TEXT PRIMARY KEY REFERENCES project_cycles (id),
    state TEXT NOT NULL,
    eligible BIGINT NOT NULL
);

-- The secret evaluation, kept apart like the vote: who may evaluate (fixed at opening), who
-- did, and what was chosen. `project_evaluation_ballots` has no account, no time and no
-- sequence; its key `slot` is random and the close rewrites the rows in slot order.
CREATE TABLE project_evaluators (
    cycle_id TEXT NOT NULL REFERENCES project_cycles (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (cycle_id, account_id)
);

CREATE TABLE project_evaluation_voters (
    cycle_id TEXT NOT NULL REFERENCES project_cycles (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (cycle_id, account_id)
);

CREATE TABLE project_evaluation_ballots (
    slot INTEGER PRIMARY KEY,
    cycle_id TEXT NOT NULL REFERENCES project_cycles (id),
    choices TEXT NOT NULL
);
CREATE INDEX project_evaluation_ballots_by_cycle ON project_evaluation_ballots (cycle_id);

-- Citizens' advisory ratings, 1 to 5, once per phone (hashed) and project.
CREATE TABLE project_ratings (
    candidate_id TEXT NOT NULL REFERENCES project_candidates (id),
    phone_hash TEXT NOT NULL,
    rating BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
    PRIMARY KEY (candidate_id, phone_hash)
);
