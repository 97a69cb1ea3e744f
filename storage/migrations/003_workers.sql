-- Version 3: several `arrestwatch run` workers sharing one database (PostgreSQL).
-- Portable SQL; timestamps are ISO 8601 strings in UTC, as before.

-- Each poll is claimed: a worker sets lease_owner/lease_until on the sources it takes
-- (SELECT … FOR UPDATE SKIP LOCKED under PostgreSQL), polls them, then records when the
-- next poll is due (next_poll_at; NULL: at once) and clears the lease. A worker that
-- dies leaves its leases to expire, and then another worker takes the source.
ALTER TABLE sources ADD COLUMN next_poll_at TEXT;
ALTER TABLE sources ADD COLUMN lease_owner TEXT;
ALTER TABLE sources ADD COLUMN lease_until TEXT;
-- 0 once the source left sources.toml: kept for its items' sake, never claimed.
ALTER TABLE sources ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE INDEX sources_due ON sources(active, next_poll_at);

-- Named leases for jobs only one worker may do at a time ('sender': draining the
-- outbox). Taken or renewed by an upsert that succeeds only when the lease has expired
-- or is already the caller's.
CREATE TABLE leases (
    name         TEXT PRIMARY KEY,
    owner        TEXT NOT NULL,
    until        TEXT NOT NULL,
    acquired_at  TEXT NOT NULL
);
