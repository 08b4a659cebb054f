-- Activities that delegates publish at a home. Local date and clock are kept as written (for
-- display), the start and end also as Unix milliseconds (for ordering and the past/notice rules).
CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    home_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    local_date TEXT NOT NULL,
    start_clock TEXT NOT NULL,
    end_clock TEXT NOT NULL,
    starts_at_ms BIGINT NOT NULL,
    ends_at_ms BIGINT NOT NULL,
    capacity BIGINT NOT NULL,
    topic TEXT NOT NULL,
    series_id TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES accounts (id),
    created_at_ms BIGINT NOT NULL,
    cancelled_at_ms BIGINT,
    cancel_reason TEXT
);
CREATE INDEX activities_by_home ON activities (home_id, starts_at_ms);
CREATE INDEX activities_by_start ON activities (starts_at_ms);

-- The delegates on duty at each activity.
CREATE TABLE activity_duty (
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (activity_id, account_id)
);
