-- Citizens' opinions and suggestions (意见建议). Staff moderation, assignment to a handling unit,
-- replies, ratings and the public board come later; their columns are here already, empty.
CREATE TABLE opinions (
    id TEXT PRIMARY KEY,
    -- `YJ20261128-0042`: the Hohhot date and that day's sequence from `opinion_counters`.
    tracking_number TEXT NOT NULL UNIQUE,
    -- SHA-256 of the receipt's private token, so a leaked table opens no opinion.
    private_token_hash TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL,
    home_id TEXT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    -- Both NULL for an anonymous opinion.
    contact_name TEXT,
    contact_phone TEXT,
    consent_at_ms BIGINT NOT NULL,
    -- 1 when the citizen allows the public board to show it (without the contact).
    allow_publish BIGINT NOT NULL,
    -- The step of the handling chain it is at; `opinion_events` holds how it got there.
    status TEXT NOT NULL,
    -- The handling unit (承办单位), once assigned.
    handling_unit TEXT,
    -- The reply's class (A solved, B being solved, C kept for reference) and the citizen's rating.
    reply_class TEXT,
    rating BIGINT,
    due_at_ms BIGINT,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
CREATE INDEX opinions_by_status ON opinions (status, created_at_ms);
CREATE INDEX opinions_by_phone ON opinions (contact_phone, created_at_ms);

-- The timeline and audit trail: every step an opinion took, who took it and what they noted.
-- `actor` is `citizen` for the submission and a staff account's id for the steps that follow.
CREATE TABLE opinion_events (
    id TEXT PRIMARY KEY,
    opinion_id TEXT NOT NULL REFERENCES opinions (id),
    status TEXT NOT NULL,
    actor TEXT NOT NULL,
    -- Shown to the citizen on the status page.
    note TEXT,
    -- Seen by staff only.
    internal_note TEXT,
    at_ms BIGINT NOT NULL
);
CREATE INDEX opinion_events_by_opinion ON opinion_events (opinion_id, at_ms);

-- Uploaded photos, cleaned of all metadata, with their thumbnails: in the database so that every
-- server instance can serve them. `opinion_id` is NULL until an opinion takes the photo; photos
-- left unattached for 24 h may be deleted.
CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    opinion_id TEXT REFERENCES opinions (id),
    content_type TEXT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    thumbnail BYTEA NOT NULL,
    created_at_ms BIGINT NOT NULL
);
CREATE INDEX photos_by_opinion ON photos (opinion_id);
CREATE INDEX photos_by_time ON photos (created_at_ms);

-- One row per `Idempotency-Key` of `POST /api/opinions`: the SHA-256 of the body it came with and
-- the opinion it made. It is inserted first in the submission's transaction, so of identical
-- requests arriving at once one makes the opinion and the others find its row. The private
-- token is kept here (only here in clear) so a retry gets the same receipt; rows older than a day
-- may be deleted.
CREATE TABLE opinion_idempotency (
    idempotency_key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    opinion_id TEXT NOT NULL,
    private_token TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);

-- Counters shared by every server: the per-day sequence of tracking numbers (`day:20261128`) and
-- the hourly submission counts per phone and per client address (`phone:<sha256>:<hour>`,
-- `ip:<sha256>:<hour>`). Each is bumped with an upsert inside the submission's transaction, which
-- holds the row until commit, so two servers never hand out one number or miss a count.
CREATE TABLE opinion_counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
