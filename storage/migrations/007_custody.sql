-- Version 7: custody (issue 17). Operators' corrections of custody records, kept as
-- given (never folded into event_people, so a record shows what reports said and what
-- an operator changed); the pinned "In custody now" messages; the once-per-period
-- custody posts ("due out today" per day, the weekly chart per week).
-- Portable SQL (SQLite and PostgreSQL).

-- person_id: event_people.id (one person in one episode). field: 'released' (value
-- an ISO day, '' for "not released"), 'term' ("15 days", '' for none), 'detained_on'.
CREATE TABLE custody_corrections (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES event_people(id),
    field       TEXT NOT NULL CHECK (field IN ('released', 'term', 'detained_on')),
    value       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX custody_corrections_person ON custody_corrections(person_id);

-- The pinned list, one row per message it spans (slot 0 is the pinned one).
CREATE TABLE custody_board (
    slot        INTEGER PRIMARY KEY,
    message_id  INTEGER,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- A custody post claimed for its period: kind 'due_today' (period: the local day) or
-- 'chart' (period: the ISO week, 2026-W10). The primary key makes it once per period.
CREATE TABLE custody_posts (
    kind        TEXT NOT NULL,
    period      TEXT NOT NULL,
    message_id  INTEGER,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (kind, period)
);
