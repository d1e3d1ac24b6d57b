-- The outbox relay is shared by the services now (service-commons' OutboxPublisher): it publishes in the order
-- events were written, by a sequence number, and one relay runs at a time. Until now pathway-service ordered by
-- created_at and let several relays take rows with SKIP LOCKED, which could let two instances send one region's
-- events out of order. Existing rows get numbers in their old order.
ALTER TABLE outbox_event ADD COLUMN seq BIGINT;
UPDATE outbox_event o SET seq = numbered.n
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM outbox_event) numbered
WHERE o.id = numbered.id;
CREATE SEQUENCE outbox_event_seq_seq OWNED BY outbox_event.seq;
SELECT setval('outbox_event_seq_seq', COALESCE((SELECT max(seq) FROM outbox_event), 0) + 1, false);
ALTER TABLE outbox_event ALTER COLUMN seq SET DEFAULT nextval('outbox_event_seq_seq');
ALTER TABLE outbox_event ALTER COLUMN seq SET NOT NULL;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_seq_unique UNIQUE (seq);
DROP INDEX outbox_event_unsent_idx;
CREATE INDEX outbox_event_unsent_idx ON outbox_event (seq) WHERE sent_at IS NULL;
