-- Codes texted to citizens to prove their phone (短信验证码). Only a salted hash of the code is
-- kept; rows of the last day are what the per-phone and per-address limits count.
CREATE TABLE verification_codes (
    id TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    -- Hash of the client address (or its IPv6 /64) that asked for the code.
    address_key TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    wrong_tries BIGINT NOT NULL,
    used_at_ms BIGINT
);
CREATE INDEX verification_codes_by_phone ON verification_codes (phone, created_at_ms);
CREATE INDEX verification_codes_by_address ON verification_codes (address_key, created_at_ms);

-- A verified phone's session: the phone is all that is kept about the person. Only a hash of
-- the cookie's token is stored.
CREATE TABLE citizen_sessions (
    token_hash TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL
);
CREATE INDEX citizen_sessions_by_phone ON citizen_sessions (phone);
CREATE INDEX citizen_sessions_by_end ON citizen_sessions (expires_at_ms);

