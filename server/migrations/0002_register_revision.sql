-- A token that changes with every import, so each app server can tell cheaply whether the
-- register it holds in memory is still the one in the database.
ALTER TABLE register_meta ADD COLUMN revision TEXT NOT NULL DEFAULT '';
