-- Housekeeping (server/src/housekeeping.rs): deleting what is kept only for a while, and erasing
-- citizens' personal data once the retention period is over.

-- The one row every pass locks first (a no-op UPDATE), so the passes of several servers on one
-- database take turns and a later one finds nothing left to do.
CREATE TABLE housekeeping_lock (
    name TEXT PRIMARY KEY
);
INSERT INTO housekeeping_lock (name) VALUES ('pass');

-- When an opinion's contact, location and photos were erased after the retention period; NULL
-- while they are kept. It tells an erased opinion from an anonymous one.
ALTER TABLE opinions ADD COLUMN personal_data_erased_at_ms BIGINT;

-- An anonymised booking keeps its row (seats, waitlist order, check-in) with the name, phone and
-- topic emptied; empty phones must not count as one phone holding several live bookings.
DROP INDEX bookings_one_live_per_phone;
CREATE UNIQUE INDEX bookings_one_live_per_phone ON bookings (activity_id, phone)
    WHERE status <> 'cancelled' AND phone <> '';

-- What the passes look rows up by.
CREATE INDEX opinion_idempotency_by_time ON opinion_idempotency (created_at_ms);
CREATE INDEX opinion_counters_by_time ON opinion_counters (updated_at_ms);
CREATE INDEX activities_by_end ON activities (ends_at_ms);
