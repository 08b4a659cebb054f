-- The homes register. Hours and facilities are JSON text: they are read whole, never queried.
CREATE TABLE homes (
    id TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    home_type TEXT NOT NULL,
    district TEXT NOT NULL,
    street TEXT NOT NULL,
    address TEXT NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    phone TEXT NOT NULL,
    hours TEXT NOT NULL,
    facilities TEXT NOT NULL,
    description_zh TEXT NOT NULL,
    description_en TEXT NOT NULL
);

-- One row: where the register came from and when it was imported.
CREATE TABLE register_meta (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    sample BIGINT NOT NULL,
    source_name TEXT NOT NULL,
    imported_at_ms BIGINT NOT NULL
);
