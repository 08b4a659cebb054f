-- The near duplicate of an opinion, found once when it is submitted instead of on every page
-- view: the most similar earlier opinion of the 90 days before it among all opinions (what
-- staff see) and among those of its own home (what the home's delegates see). Opinions stored
-- before this have `near_duplicates_checked = 0` and are compared the first time a page shows
-- them.
ALTER TABLE opinions ADD COLUMN near_duplicate_of TEXT;
ALTER TABLE opinions ADD COLUMN near_duplicate_at_home_of TEXT;
ALTER TABLE opinions ADD COLUMN near_duplicates_checked BIGINT NOT NULL DEFAULT 0;
