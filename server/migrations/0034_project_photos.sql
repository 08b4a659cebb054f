-- Photos of livelihood projects (a citizen's proposal, staff's progress updates, delegates'
-- inspections), in the opinions' table: cleaned, limited and served the same way. A project's
-- photo names its uploader (`phone:` and the phone's hash, or `account:` and the account), and
-- only the uploader attaches it; an opinion's photo names none. A photo no record took within a
-- day may be deleted.
ALTER TABLE photos ADD COLUMN uploader TEXT;
ALTER TABLE photos ADD COLUMN proposal_id TEXT REFERENCES project_proposals (id);
ALTER TABLE photos ADD COLUMN progress_id TEXT REFERENCES project_progress (id);
ALTER TABLE photos ADD COLUMN inspection_id TEXT REFERENCES project_inspections (id);
CREATE INDEX photos_by_proposal ON photos (proposal_id);
CREATE INDEX photos_by_progress ON photos (progress_id);
CREATE INDEX photos_by_inspection ON photos (inspection_id);

-- The title staff give a cycle, shown on its public pages (e.g. 2027年 呼和浩特市民生实事项目).
ALTER TABLE project_cycles ADD COLUMN title TEXT;

-- When the collection window closed (the cycle moved to shortlisting): a closed proposal's page
-- says so.
ALTER TABLE project_cycles ADD COLUMN collection_closed_at_ms BIGINT;
