-- The staff side of the opinions chain: handling units, the holiday calendar that due dates
-- count around, assignment to units, the reply, the rating, publication, and the audit log.

-- Handling units (承办单位). SAMPLE: 16 of Hohhot's 78 units, so a fresh install can assign
-- opinions; staff add the others (POST /api/units) and rename or deactivate these.
CREATE TABLE handling_units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    active BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL
);
INSERT INTO handling_units (id, name, active, created_at_ms) VALUES
    ('u-zjj', '市住房和城乡建设局', 1, 0),
    ('u-jtj', '市交通运输局', 1, 0),
    ('u-jyj', '市教育局', 1, 0),
    ('u-wjw', '市卫生健康委员会', 1, 0),
    ('u-sthjj', '市生态环境局', 1, 0),
    ('u-scjgj', '市市场监督管理局', 1, 0),
    ('u-rsj', '市人力资源和社会保障局', 1, 0),
    ('u-gaj', '市公安局', 1, 0),
    ('u-zrzyj', '市自然资源局', 1, 0),
    ('u-cgj', '市城市管理综合执法局', 1, 0),
    ('u-swj', '市水务局', 1, 0),
    ('u-mzj', '市民政局', 1, 0),
    ('u-fgw', '市发展和改革委员会', 1, 0),
    ('u-xcq', '新城区人民政府', 1, 0),
    ('u-hmq', '回民区人民政府', 1, 0),
    ('u-shq', '赛罕区人民政府', 1, 0);

-- Public holidays (workday = 0) and official make-up working days (调休, workday = 1); other
-- days follow Monday–Friday. Seeded with the 2026 calendar as we know it: CHECK it against the
-- State Council's notice (国务院办公厅关于2026年部分节假日安排的通知) and add each new year's days
-- (PUT /api/holidays).
CREATE TABLE holidays (
    date TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    workday BIGINT NOT NULL
);
INSERT INTO holidays (date, name, workday) VALUES
    ('2026-01-01', '元旦', 0), ('2026-01-02', '元旦', 0), ('2026-01-03', '元旦', 0),
    ('2026-01-04', '元旦调休', 1),
    ('2026-02-14', '春节调休', 1),
    ('2026-02-15', '春节', 0), ('2026-02-16', '春节', 0), ('2026-02-17', '春节', 0),
    ('2026-02-18', '春节', 0), ('2026-02-19', '春节', 0), ('2026-02-20', '春节', 0),
    ('2026-02-21', '春节', 0), ('2026-02-22', '春节', 0), ('2026-02-23', '春节', 0),
    ('2026-02-28', '春节调休', 1),
    ('2026-04-04', '清明节', 0), ('2026-04-05', '清明节', 0), ('2026-04-06', '清明节', 0),
    ('2026-05-01', '劳动节', 0), ('2026-05-02', '劳动节', 0), ('2026-05-03', '劳动节', 0),
    ('2026-05-04', '劳动节', 0), ('2026-05-05', '劳动节', 0),
    ('2026-05-09', '劳动节调休', 1),
    ('2026-06-19', '端午节', 0), ('2026-06-20', '端午节', 0), ('2026-06-21', '端午节', 0),
    ('2026-09-20', '国庆节调休', 1),
    ('2026-09-25', '中秋节', 0), ('2026-09-26', '中秋节', 0), ('2026-09-27', '中秋节', 0),
    ('2026-10-01', '国庆节', 0), ('2026-10-02', '国庆节', 0), ('2026-10-03', '国庆节', 0),
    ('2026-10-04', '国庆节', 0), ('2026-10-05', '国庆节', 0), ('2026-10-06', '国庆节', 0),
    ('2026-10-07', '国庆节', 0),
    ('2026-10-10', '国庆节调休', 1);

-- The units an opinion is assigned to (one or more).
CREATE TABLE opinion_units (
    opinion_id TEXT NOT NULL REFERENCES opinions (id),
    unit_id TEXT NOT NULL REFERENCES handling_units (id),
    assigned_at_ms BIGINT NOT NULL,
    PRIMARY KEY (opinion_id, unit_id)
);
CREATE INDEX opinion_units_by_unit ON opinion_units (unit_id);

-- `online`, or `walk_in` when staff entered it for a citizen who came in person (who gave
-- consent there).
ALTER TABLE opinions ADD COLUMN channel TEXT NOT NULL DEFAULT 'online';
-- Not accepted: the reason's code, the opinion it repeats (for `duplicate`) and what the
-- citizen is told.
ALTER TABLE opinions ADD COLUMN reject_reason TEXT;
ALTER TABLE opinions ADD COLUMN duplicate_of TEXT;
ALTER TABLE opinions ADD COLUMN reject_message TEXT;
ALTER TABLE opinions ADD COLUMN assigned_at_ms BIGINT;
ALTER TABLE opinions ADD COLUMN reply_text TEXT;
ALTER TABLE opinions ADD COLUMN replied_at_ms BIGINT;
-- `rating` (0008) is 3 satisfied, 2 fairly, 1 not.
ALTER TABLE opinions ADD COLUMN rating_comment TEXT;
ALTER TABLE opinions ADD COLUMN rated_at_ms BIGINT;
ALTER TABLE opinions ADD COLUMN published_at_ms BIGINT;
CREATE INDEX opinions_by_due ON opinions (status, due_at_ms);
CREATE INDEX opinions_by_time ON opinions (created_at_ms);

-- What an event records: a status reached (its code, as before) or `extended` / `note`, which
-- leave the status as it was. The citizen's timeline shows neither of those two.
ALTER TABLE opinion_events ADD COLUMN kind TEXT;
UPDATE opinion_events SET kind = status;

-- Every staff action on opinions, units and the holiday calendar (and every reveal of a phone),
-- written in the same transaction as the action. The app never updates or deletes a row.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    actor_account_id TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    action TEXT NOT NULL,
    -- A tracking number, `unit:<id>` or `holidays`.
    target TEXT NOT NULL,
    -- A JSON object of text values.
    details TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at_ms);
CREATE INDEX audit_log_by_target ON audit_log (target, at_ms);
CREATE INDEX audit_log_by_actor ON audit_log (actor_account_id, at_ms);
