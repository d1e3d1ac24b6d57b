-- The notification-service schema: subscriptions, the idempotency ledger of consumed events, the inbox, the
-- delivery queue (webhook and e-mail, retried from the database) and a small projection of partners per region.
-- The application role receives SELECT, INSERT, UPDATE, DELETE through the default privileges of the owner.

-- Every consumed CloudEvent id, written in the same transaction as the inbox items and deliveries it creates.
CREATE TABLE processed_event (
    event_id     VARCHAR(200) PRIMARY KEY,
    event_type   VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL
);

-- Partners known from pathway-events (name, region) and from referral-events (region only).
CREATE TABLE partner (
    partner_id VARCHAR(64)  PRIMARY KEY,
    region_id  VARCHAR(64)  NOT NULL,
    name       VARCHAR(200),
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX partner_region ON partner (region_id);

CREATE TABLE webhook_endpoint (
    id                UUID          PRIMARY KEY,
    organisation_id   VARCHAR(64)   NOT NULL,
    url               VARCHAR(2000) NOT NULL,
    secret            VARCHAR(200)  NOT NULL,
    event_types       VARCHAR(1000) NOT NULL,
    secret_rotated_at TIMESTAMPTZ   NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_endpoint_organisation ON webhook_endpoint (organisation_id);

CREATE TABLE email_subscription (
    id              UUID          PRIMARY KEY,
    organisation_id VARCHAR(64)   NOT NULL,
    address         VARCHAR(320)  NOT NULL,
    event_types     VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT email_subscription_unique UNIQUE (organisation_id, address)
);

CREATE TABLE inbox_item (
    id              UUID         PRIMARY KEY,
    organisation_id VARCHAR(64)  NOT NULL,
    event_id        VARCHAR(200) NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    referral_id     VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    read_at         TIMESTAMPTZ,
    CONSTRAINT inbox_item_once UNIQUE (event_id, organisation_id)
);
CREATE INDEX inbox_item_organisation ON inbox_item (organisation_id, created_at DESC);

-- One row per event, receiving organisation and channel target; the retry queue is this table.
CREATE TABLE delivery (
    id               UUID          PRIMARY KEY,
    organisation_id  VARCHAR(64)   NOT NULL,
    channel          VARCHAR(16)   NOT NULL,
    endpoint_id      UUID,
    target           VARCHAR(2000) NOT NULL,
    event_id         VARCHAR(200)  NOT NULL,
    event_type       VARCHAR(64)   NOT NULL,
    referral_id      VARCHAR(64)   NOT NULL,
    payload          TEXT          NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    last_status_code INTEGER,
    last_error       VARCHAR(500),
    next_attempt_at  TIMESTAMPTZ,
    window_start_at  TIMESTAMPTZ   NOT NULL,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT delivery_once UNIQUE (event_id, organisation_id, channel, target),
    CONSTRAINT delivery_channel CHECK (channel IN ('WEBHOOK', 'EMAIL')),
    CONSTRAINT delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD'))
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_organisation ON delivery (organisation_id, created_at DESC);
CREATE INDEX delivery_referral ON delivery (referral_id);
