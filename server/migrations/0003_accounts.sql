-- Delegates' and staff accounts. Ids are random text so both databases generate them the same way.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    phone TEXT UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    demo BIGINT NOT NULL DEFAULT 0,
    created_at_ms BIGINT NOT NULL
);

-- Which homes a delegate belongs to. No foreign key to homes: an import replaces the register,
-- and a delegate keeps the home id until staff change it.
CREATE TABLE account_homes (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    home_id TEXT NOT NULL,
    PRIMARY KEY (account_id, home_id)
);

-- Sessions live in the database so that every app server can read them. Only a hash of the
-- cookie's token is stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- Failed sign-ins, to slow down password guessing across all app servers.
CREATE TABLE sign_in_failures (
    login TEXT NOT NULL,
    at_ms BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_by_login ON sign_in_failures (login, at_ms);
