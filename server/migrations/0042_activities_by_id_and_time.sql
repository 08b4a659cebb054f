-- A delegate's year joins the activities they were on duty for with the year's activities;
-- with the start and the cancellation in the index, each is checked without reading its row
-- (PostgreSQL, five years of data: 5.1 ms → 2.1 ms for the year's counts).
CREATE INDEX activities_by_id_and_time ON activities (id, starts_at_ms, cancelled_at_ms);
