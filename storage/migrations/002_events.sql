-- Version 2: events (one detention, however many outlets report it), their reports and
-- people; the outbox learns two kinds: 'edit' (add "also reported by" to the alert)
-- and 'followup' (a reply to the alert with new facts), both pointing at the alert's
-- outbox row (parent_id), whose Telegram message id is read when they are sent.
-- Portable SQL (SQLite and PostgreSQL): no engine-specific functions; timestamps are
-- ISO 8601 strings in UTC, as in version 1.

-- The outbox gains two kinds and a column. SQLite cannot alter a CHECK, so there the
-- table is rebuilt; PostgreSQL alters it in place (a rebuild would copy ids past its
-- identity sequence). The runner keeps only the sections of its engine (see
-- Store.migrate): "-- dialect: sqlite", "-- dialect: postgresql", "-- dialect: all".
-- dialect: sqlite
CREATE TABLE outbox_v2 (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('alert', 'digest', 'notice', 'review', 'edit', 'followup')),
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
    sent_at     TEXT,
    -- edits and follow-ups: the post they edit or reply to; sent only once it is sent
    parent_id   INTEGER
);
INSERT INTO outbox_v2 (id, kind, target, item_id, digest_day, body, markup, reply_to, state, attempts,
                       message_id, last_error, created_at, updated_at, sent_at)
    SELECT id, kind, target, item_id, digest_day, body, markup, reply_to, state, attempts,
           message_id, last_error, created_at, updated_at, sent_at
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE UNIQUE INDEX outbox_one_alert_per_item ON outbox(item_id) WHERE kind = 'alert';
CREATE INDEX outbox_pending ON outbox(state, id);
-- dialect: postgresql
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
    CHECK (kind IN ('alert', 'digest', 'notice', 'review', 'edit', 'followup'));
-- edits and follow-ups: the post they edit or reply to; sent only once it is sent
ALTER TABLE outbox ADD COLUMN parent_id INTEGER;
-- dialect: all
-- A report that joins an event edits or follows up its alert once, across processes.
CREATE UNIQUE INDEX outbox_one_update_per_item ON outbox(item_id) WHERE kind IN ('edit', 'followup');
CREATE INDEX outbox_parent ON outbox(parent_id);

-- One detention: the report that opened it (and was posted as the alert), when it
-- was first and last reported. An item opens at most one event.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    first_item_id  INTEGER NOT NULL UNIQUE REFERENCES items(id),
    alert_id       INTEGER UNIQUE REFERENCES outbox(id),
    first_at       TEXT NOT NULL,
    last_at        TEXT NOT NULL,
    detained_on    TEXT,
    place          TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX events_last_at ON events(last_at);

-- Every report of an event. The primary key on item_id is what keeps a report in one
-- event. role: 'first' (posted as the alert), 'also' (the alert was edited to list
-- it), 'followup' (it added facts: a reply was posted). reason: why it joined
-- ('new', 'person:<key>', 'surname:<key>', 'text:0.83').
CREATE TABLE event_reports (
    item_id   INTEGER PRIMARY KEY REFERENCES items(id),
    event_id  INTEGER NOT NULL REFERENCES events(id),
    role      TEXT NOT NULL CHECK (role IN ('first', 'also', 'followup')),
    reason    TEXT NOT NULL,
    added_at  TEXT NOT NULL
);
CREATE INDEX event_reports_event ON event_reports(event_id);

-- The people of an event, one row per person (person_key: bot/translit.py name_key,
-- the same for every spelling). name: as first written; latin: its transliteration.
-- status: detained, sentenced (a term is stated) or released.
CREATE TABLE event_people (
    id             INTEGER PRIMARY KEY,
    event_id       INTEGER NOT NULL REFERENCES events(id),
    person_key     TEXT NOT NULL,
    name           TEXT NOT NULL,
    latin          TEXT NOT NULL,
    term           TEXT,
    status         TEXT NOT NULL CHECK (status IN ('detained', 'sentenced', 'released')),
    first_item_id  INTEGER NOT NULL REFERENCES items(id),
    last_item_id   INTEGER NOT NULL REFERENCES items(id),
    updated_at     TEXT NOT NULL,
    UNIQUE (event_id, person_key)
);

-- One row, updated at the start of every placement of a report into events: in
-- PostgreSQL the row lock serialises placements across processes until commit
-- (SQLite's BEGIN IMMEDIATE already does), so two processes never open two events
-- for one detention.
CREATE TABLE event_placement (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    updated_at  TEXT NOT NULL
);
INSERT INTO event_placement (id, updated_at) VALUES (1, '1970-01-01T00:00:00+00:00');
