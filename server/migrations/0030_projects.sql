-- Livelihood projects decided by the delegates' vote (民生实事项目代表票决制).

-- The delegates who sit in a congress (`city` or a district code), kept by staff: they vote on
-- that congress's projects.
CREATE TABLE congress_members (
    congress TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (congress, account_id)
);

-- One congress's projects of one year. `eligible` is counted when the vote opens.
CREATE TABLE project_cycles (
    id TEXT PRIMARY KEY,
    congress TEXT NOT NULL,
    year BIGINT NOT NULL,
    phase TEXT NOT NULL,
    to_adopt BIGINT NOT NULL DEFAULT 0,
    eligible BIGINT NOT NULL DEFAULT 0,
    created_at_ms BIGINT NOT NULL,
    UNIQUE (congress, year)
);

-- Citizens' proposals. Only a hash of the proposer's phone is kept (for the limits); nothing is
-- deleted: duplicates are merged, others declined with a published reason.
CREATE TABLE project_proposals (
    id TEXT PRIMARY KEY,
    tracking_number TEXT NOT NULL UNIQUE,
    cycle_id TEXT NOT NULL REFERENCES project_cycles (id),
    title TEXT NOT NULL,
    what_and_where TEXT NOT NULL,
    beneficiaries TEXT NOT NULL,
    district TEXT NOT NULL,
    category TEXT NOT NULL,
    phone_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    merged_into TEXT,
    decline_reason TEXT,
    supporters BIGINT NOT NULL DEFAULT 0,
    created_at_ms BIGINT NOT NULL
);
CREATE INDEX project_proposals_by_cycle ON project_proposals (cycle_id, created_at_ms);

-- One support per phone (hashed) and proposal.
CREATE TABLE project_supports (
    proposal_id TEXT NOT NULL REFERENCES project_proposals (id),
    phone_hash TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    PRIMARY KEY (proposal_id, phone_hash)
);

-- The candidate list staff draft; a withdrawn candidate is kept.
CREATE TABLE project_candidates (
    id TEXT PRIMARY KEY,
    cycle_id TEXT NOT NULL REFERENCES project_cycles (id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES handling_units (id),
    budget_yuan BIGINT NOT NULL,
    target TEXT NOT NULL,
    deadline TEXT NOT NULL,
    withdrawn BIGINT NOT NULL DEFAULT 0,
    created_at_ms BIGINT NOT NULL
);
CREATE INDEX project_candidates_by_cycle ON project_candidates (cycle_id, created_at_ms);

CREATE TABLE project_candidate_sources (
    candidate_id TEXT NOT NULL REFERENCES project_candidates (id),
    proposal_id TEXT NOT NULL REFERENCES project_proposals (id),
    PRIMARY KEY (candidate_id, proposal_id)
);

-- The secret ballot. Who may vote (fixed when the vote opens) and who voted are kept apart
-- from what was chosen: `project_ballots` has no account, no time and no sequence. Its key
-- `slot` is random (on SQLite it is the row id, so the file's order is random too) and the
-- close rewrites the cycle's ballots in slot order, so neither a column nor the stored order
-- follows the order ballots came in.
CREATE TABLE project_electors (
    cycle_id TEXT NOT NULL REFERENCES project_cycles (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (cycle_id, account_id)
);

CREATE TABLE project_voters (
    cycle_id TEXT NOT NULL REFERENCES project_cycles (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (cycle_id, account_id)
);

CREATE TABLE project_ballots (
    slot INTEGER PRIMARY KEY,
    cycle_id TEXT NOT NULL REFERENCES project_cycles (id),
    tracker_hash TEXT NOT NULL UNIQUE,
    choices TEXT NOT NULL
);
CREATE INDEX project_ballots_by_cycle ON project_ballots (cycle_id);
