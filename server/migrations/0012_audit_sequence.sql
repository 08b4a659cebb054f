-- The order audit entries were written in. Entries written in one transaction share one
-- `at_ms` (a calendar save and the due dates it moves), so time alone cannot order them. Each
-- insert takes the largest `seq` so far plus one: exact on SQLite, whose writers take turns; on
-- PostgreSQL two transactions running at the same moment may take the same number, and then the
-- order between them is undefined, as their times are. Entries written before this get 0.
ALTER TABLE audit_log ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX audit_log_by_seq ON audit_log (seq);
