-- An account staff disabled: it cannot sign in, and its sessions ended when it was disabled
-- (NULL: enabled).
ALTER TABLE accounts ADD COLUMN disabled_at_ms BIGINT;
