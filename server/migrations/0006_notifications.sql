-- The outbox of text messages to citizens. A message is written in the same transaction as the
-- change that causes it, so none is lost; a worker sends pending ones and retries failures.
-- `next_attempt_at_ms` is also the claim: a sender pushes it forward (a lease) before sending, so
-- of several servers only one sends each message. `dedupe_key` is set for messages that must be
-- enqueued at most once (the day-before reminder of one booking at one activity); NULLs do not
-- collide.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    booking_code TEXT NOT NULL,
    phone TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at_ms BIGINT NOT NULL,
    last_error TEXT,
    created_at_ms BIGINT NOT NULL,
    sent_at_ms BIGINT,
    dedupe_key TEXT UNIQUE
);
CREATE INDEX notifications_due ON notifications (status, next_attempt_at_ms);
CREATE INDEX notifications_by_booking ON notifications (booking_code, created_at_ms);
CREATE INDEX notifications_by_time ON notifications (created_at_ms);
