-- Version 4: the health check after every poll reads a source's latest publication
-- times (Store.recent_published); without this index that is a scan and sort of every
-- stored item, once per source per poll, growing with the database.
-- Portable SQL (SQLite and PostgreSQL).

CREATE INDEX items_source_published ON items(source_id, published_at);
