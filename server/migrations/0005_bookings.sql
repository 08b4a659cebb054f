-- Seats taken, kept on the activity so that one row lock orders every booking, cancellation and
-- promotion of that activity, on both databases.
ALTER TABLE activities ADD COLUMN booked_count BIGINT NOT NULL DEFAULT 0;

-- Citizens' bookings. `seq` orders the waitlist strictly, first come first served.
CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    activity_id TEXT NOT NULL REFERENCES activities (id),
    seq BIGINT NOT NULL,
    status TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    topic TEXT NOT NULL,
    access_needs TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
CREATE INDEX bookings_by_activity ON bookings (activity_id, status, seq);
CREATE INDEX bookings_by_phone ON bookings (phone, status);
-- Nobody holds two live bookings for one activity.
CREATE UNIQUE INDEX bookings_one_live_per_phone ON bookings (activity_id, phone) WHERE status <> 'cancelled';
