-- Foundation table; the notification-service issue grows it into subscriptions, deliveries and the inbox.
CREATE TABLE inbox_item (
    id              UUID         PRIMARY KEY,
    organisation_id VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    referral_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    read_at         TIMESTAMPTZ
);
CREATE INDEX inbox_item_organisation ON inbox_item (organisation_id, created_at DESC);
