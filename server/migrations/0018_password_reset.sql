-- An account whose password staff reset: until it chooses a new one, its sessions may only do
-- that (or sign out).
ALTER TABLE accounts ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0;
