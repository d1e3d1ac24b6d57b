-- Transactional outbox: written in the same transaction as the change, published by the relay in seq order.
CREATE TABLE outbox_event (
    seq           BIGSERIAL     PRIMARY KEY,
    id            UUID          NOT NULL UNIQUE,
    aggregate_id  UUID          NOT NULL,
    type          VARCHAR(64)   NOT NULL,
    payload       TEXT          NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    sent_at       TIMESTAMPTZ
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;
