-- Version 8: who is sending an outbox row. claim_next writes the sender's id in
-- claimed_by with state 'sending'; mark_sent, mark_failed and release change the row
-- only while it is still 'sending' and still that sender's. A sender whose lease
-- lapsed (stalled, partitioned) can then no longer re-queue or mark a post another
-- sender has taken over and sent. Portable SQL (SQLite and PostgreSQL).

ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
