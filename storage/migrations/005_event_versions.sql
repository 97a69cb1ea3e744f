-- Version 5: a change counter for events. Every placement of a report among events
-- takes the next number from event_placement.version and writes it on the event it
-- opens or changes, so a process that keeps recent events in memory between
-- placements (bot/store.py, _EventHeads) reads again only the events changed since.
-- Portable SQL (SQLite and PostgreSQL).

ALTER TABLE event_placement ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_version ON events(version);
