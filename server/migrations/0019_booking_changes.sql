-- Every booking change a citizen made (a booking, a cancellation, a move), by phone and by client
-- address (hashed), so their limits per phone per day and per address per hour are counted in
-- the database, shared by every server. The change's own transaction adds its row, so a refused
-- or rolled-back change counts nothing. Rows older than a day are deleted by housekeeping.
CREATE TABLE booking_changes (
    id TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    address_key TEXT NOT NULL,
    changed_at_ms BIGINT NOT NULL
);
CREATE INDEX booking_changes_by_phone ON booking_changes (phone, changed_at_ms);
CREATE INDEX booking_changes_by_address ON booking_changes (address_key, changed_at_ms);

-- The texts sent to one phone in the last day are counted before another is written (the outbox
-- writes at most `TEXTS_PER_PHONE_PER_DAY` besides verification codes).
CREATE INDEX notifications_by_phone ON notifications (phone, created_at_ms);
