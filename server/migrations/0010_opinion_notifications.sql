-- The outbox also carries messages to citizens about their opinions. A message is about a
-- booking (its code and activity) or about an opinion (its tracking number), never both, so the
-- booking's columns become optional. SQLite cannot drop a NOT NULL, so the table is rebuilt the
-- way both databases accept: create the new one, copy the rows, drop the old, rename the new.
-- (On PostgreSQL its key and unique constraint keep the names they were created with,
-- `notifications_new_pkey` and `notifications_new_dedupe_key_key`.)
CREATE TABLE notifications_new (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    booking_code TEXT,
    activity_id TEXT,
    tracking_number TEXT,
    phone TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at_ms BIGINT NOT NULL,
    last_error TEXT,
    created_at_ms BIGINT NOT NULL,
    sent_at_ms BIGINT,
    dedupe_key TEXT UNIQUE,
    CONSTRAINT notifications_one_subject CHECK (
        (booking_code IS NOT NULL AND activity_id IS NOT NULL AND tracking_number IS NULL)
        OR (booking_code IS NULL AND activity_id IS NULL AND tracking_number IS NOT NULL)
    )
);
INSERT INTO notifications_new (id, kind, booking_code, activity_id, tracking_number, phone,
    message, status, attempts, next_attempt_at_ms, last_error, created_at_ms, sent_at_ms,
    dedupe_key)
SELECT id, kind, booking_code, activity_id, NULL, phone, message, status, attempts,
    next_attempt_at_ms, last_error, created_at_ms, sent_at_ms, dedupe_key
FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_due ON notifications (status, next_attempt_at_ms);
CREATE INDEX notifications_by_booking ON notifications (booking_code, created_at_ms);
CREATE INDEX notifications_by_opinion ON notifications (tracking_number, created_at_ms);
CREATE INDEX notifications_by_time ON notifications (created_at_ms);
