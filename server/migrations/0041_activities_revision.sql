-- The upcoming activities' revision (see `platform::data_revisions`): raised with every change
-- to an activity, its delegates on duty or its seats taken, so the public lists are kept
-- encoded until it moves.
INSERT INTO data_revisions (name, revision) VALUES ('activities', 0);
