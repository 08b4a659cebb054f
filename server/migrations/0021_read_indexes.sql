-- Indexes for the reads that grow with a city's years of data (issue 12, goal 4).
-- The public board: published opinions their authors allowed, newest published first.
CREATE INDEX opinions_on_board ON opinions (status, allow_publish, published_at_ms);
-- The audit log's first page: newest first, in the order entries were written.
CREATE INDEX audit_log_newest ON audit_log (at_ms, seq);
-- A counter per kind of data, raised in the same transaction as each change, so a server can
-- keep figures made from that data until the counter moves (opinions: the statistics).
CREATE TABLE data_revisions (
    name TEXT PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO data_revisions (name, revision) VALUES ('opinions', 0);
