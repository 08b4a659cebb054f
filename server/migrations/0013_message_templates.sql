-- Text-message gateways send only pre-approved templates with parameters, so each new message
-- also stores its template's name and its parameters (a JSON object); rows written before keep
-- their text and have neither. A verification code is about no booking and no opinion, so the
-- check on the subject allows that one kind without either. SQLite cannot change a CHECK, so
-- the table is rebuilt as in 0010, under another temporary name: on PostgreSQL the current
-- table's key is still called `notifications_new_pkey`.
CREATE TABLE notifications_templated (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    booking_code TEXT,
    activity_id TEXT,
    tracking_number TEXT,
    phone TEXT NOT NULL,
    message TEXT NOT NULL,
    template TEXT,
    template_params TEXT,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at_ms BIGINT NOT NULL,
    last_error TEXT,
    created_at_ms BIGINT NOT NULL,
    sent_at_ms BIGINT,
    dedupe_key TEXT UNIQUE,
    CONSTRAINT notifications_subject CHECK (
        (booking_code IS NOT NULL AND activity_id IS NOT NULL AND tracking_number IS NULL)
        OR (booking_code IS NULL AND activity_id IS NULL AND tracking_number IS NOT NULL)
        OR (booking_code IS NULL AND activity_id IS NULL AND tracking_number IS NULL
            AND kind = 'verification_code')
    )
);
INSERT INTO notifications_templated (id, kind, booking_code, activity_id, tracking_number,
    phone, message, template, template_params, status, attempts, next_attempt_at_ms, last_error,
    created_at_ms, sent_at_ms, dedupe_key)
SELECT id, kind, booking_code, activity_id, tracking_number, phone, message, NULL, NULL, status,
    attempts, next_attempt_at_ms, last_error, created_at_ms, sent_at_ms, dedupe_key
FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_templated RENAME TO notifications;
CREATE INDEX notifications_due ON notifications (status, next_attempt_at_ms);
CREATE INDEX notifications_by_booking ON notifications (booking_code, created_at_ms);
CREATE INDEX notifications_by_opinion ON notifications (tracking_number, created_at_ms);
CREATE INDEX notifications_by_time ON notifications (created_at_ms);
