-- Version 1: sources, items and their de-duplication keys, the outbox, digests.
-- Timestamps are ISO 8601 strings in UTC ("2026-11-25T06:00:00+00:00").

CREATE TABLE sources (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL UNIQUE,
    url                   TEXT NOT NULL,
    type                  TEXT NOT NULL,
    etag                  TEXT,
    last_modified         TEXT,
    first_polled_at       TEXT,
    last_polled_at        TEXT,
    last_success_at       TEXT,
    last_error            TEXT,
    last_error_at         TEXT,
    consecutive_failures  INTEGER NOT NULL DEFAULT 0,
    failing_since         TEXT,
    items_seen            INTEGER NOT NULL DEFAULT 0,
    last_new_item_at      TEXT,
    -- polite polling: no request before this moment (Retry-After or backoff)
    next_attempt_at       TEXT,
    -- health notices sent to the operators, so each is sent once
    down_notified_at      TEXT,
    silent_notified_at    TEXT
);

-- One row per distinct story. status: 'alert' (flagged, alert queued), 'seen' (not an
-- arrest report), 'old' (older than max_age on the source's first poll: never posted),
-- 'review' (doubtful: waiting for an operator), 'rejected' (an operator said no).
CREATE TABLE items (
    id             INTEGER PRIMARY KEY,
    source_id      INTEGER NOT NULL REFERENCES sources(id),
    guid           TEXT,
    url            TEXT,
    canonical_url  TEXT,
    content_hash   TEXT NOT NULL,
    title          TEXT NOT NULL,
    text           TEXT NOT NULL,
    published_at   TEXT,
    fetched_at     TEXT NOT NULL,
    lang           TEXT,
    arrest         INTEGER NOT NULL DEFAULT 0,
    protest        INTEGER NOT NULL DEFAULT 0,
    score          REAL,
    analysis       TEXT,
    status         TEXT NOT NULL CHECK (status IN ('alert', 'seen', 'old', 'review', 'rejected'))
);
CREATE INDEX items_fetched ON items(fetched_at);
CREATE INDEX items_arrest ON items(arrest, fetched_at);

-- Every key an item is known by: 'guid:<source>:<guid>', 'url:<canonical url>',
-- 'hash:<content hash>'. The primary key is what makes de-duplication hold across
-- restarts and processes: a second insert of any known key is a duplicate.
CREATE TABLE item_keys (
    key      TEXT PRIMARY KEY,
    item_id  INTEGER NOT NULL REFERENCES items(id)
);

-- The durable queue of posts. target: 'channel' or 'admin' (resolved to a chat id at
-- send time). state: queued -> sending -> sent | failed. markup: inline keyboard JSON.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('alert', 'digest', 'notice', 'review')),
    target      TEXT NOT NULL DEFAULT 'channel',
    item_id     INTEGER REFERENCES items(id),
    digest_day  TEXT,
    body        TEXT NOT NULL,
    markup      TEXT,
    reply_to    INTEGER,
    state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    message_id  INTEGER,
    last_error  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    sent_at     TEXT
);
CREATE UNIQUE INDEX outbox_one_alert_per_item ON outbox(item_id) WHERE kind = 'alert';
CREATE INDEX outbox_pending ON outbox(state, id);

-- One row per day whose digest has been queued: the primary key makes "once a day"
-- hold across restarts and processes.
CREATE TABLE digests (
    day         TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    people      INTEGER NOT NULL,
    reports     INTEGER NOT NULL,
    parts       INTEGER NOT NULL
);

-- Small facts the service keeps across restarts, e.g. 'paused' = '1' while an
-- operator has paused posting.
CREATE TABLE flags (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
