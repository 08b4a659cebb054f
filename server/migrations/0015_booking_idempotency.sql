-- The `Idempotency-Key` of a booking, so a citizen whose answer was lost can send the booking
-- again and get its code back instead of a 409. The booking's transaction inserts the key first:
-- of requests with one key at once, the others wait on its row and then replay. Keys are
-- deleted after a day by housekeeping, as the opinions' are.
CREATE TABLE booking_idempotency (
    idempotency_key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    booking_id TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);
CREATE INDEX booking_idempotency_by_age ON booking_idempotency (created_at_ms);
