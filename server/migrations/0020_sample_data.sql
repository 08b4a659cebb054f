-- Sample data (server/src/sample): activities, bookings and opinions invented beside the sample
-- register so that every citizen page has something to show, and the same generator at scale
-- for benchmarks. They are marked, and the import of the official register deletes them (with
-- their bookings, timelines, units, records and audit entries) in its own transaction.
ALTER TABLE activities ADD COLUMN sample BIGINT NOT NULL DEFAULT 0;
ALTER TABLE opinions ADD COLUMN sample BIGINT NOT NULL DEFAULT 0;
CREATE INDEX activities_by_sample ON activities (sample);
CREATE INDEX opinions_by_sample ON opinions (sample);
-- When the living sample was made for the register in place: set once, in the transaction that
-- makes it, so a restart (or a second server starting at once) does not make it again.
ALTER TABLE register_meta ADD COLUMN sample_data_at_ms BIGINT;
