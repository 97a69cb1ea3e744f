-- Version 6: an event is one custody episode (issue 13). A new episode of a person
-- reported before answers that person's earlier alert and says "detained again"; the
-- day of the earlier episode is kept so that edits of the alert keep saying it.
-- Portable SQL (SQLite and PostgreSQL).

ALTER TABLE events ADD COLUMN previous_on TEXT;
-- A person's earlier episodes, found by their name key however long ago.
CREATE INDEX event_people_key ON event_people(person_key);
