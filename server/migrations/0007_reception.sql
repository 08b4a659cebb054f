-- Check-in at the door, by booking code.
ALTER TABLE bookings ADD COLUMN checked_in_at_ms BIGINT;
ALTER TABLE bookings ADD COLUMN checked_in_by TEXT;

-- What was heard at a reception: one record per activity, rewritten as often as needed.
CREATE TABLE reception_records (
    activity_id TEXT PRIMARY KEY REFERENCES activities (id),
    raised TEXT NOT NULL,
    follow_up TEXT NOT NULL,
    booking_codes TEXT NOT NULL,
    written_by TEXT NOT NULL REFERENCES accounts (id),
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
CREATE INDEX reception_records_by_writer ON reception_records (written_by, updated_at_ms);
CREATE INDEX activity_duty_by_account ON activity_duty (account_id);
