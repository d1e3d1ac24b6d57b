-- One row per handover: one family, one partner, one or more signals. Client details live in the nullable columns
-- of the "client details" block and are erased (set to NULL) on consent withdrawal and by the retention job; the
-- rest (ids, codes, dates, statuses) stays for the stats.
CREATE TABLE referral (
    id                     UUID         PRIMARY KEY,
    version                INTEGER      NOT NULL,
    referring_practice_id  VARCHAR(64)  NOT NULL,
    referring_user_id      VARCHAR(128) NOT NULL,
    partner_id             VARCHAR(64)  NOT NULL,
    partner_name           VARCHAR(200) NOT NULL,
    partner_kind           VARCHAR(64),
    region_id              VARCHAR(64),
    municipality_code      VARCHAR(16),
    phase                  VARCHAR(32),
    vulnerability          VARCHAR(32)  NOT NULL,
    urgency                VARCHAR(16)  NOT NULL,
    pathway_id             VARCHAR(64),
    pathway_version        INTEGER,
    partner_override       BOOLEAN      NOT NULL DEFAULT FALSE,
    route                  JSONB        NOT NULL,
    alternatives           JSONB        NOT NULL DEFAULT '[]',
    signal_codes           TEXT[]       NOT NULL,
    status                 VARCHAR(32)  NOT NULL,
    reason_code            VARCHAR(64),
    reason_text            VARCHAR(2000),
    outcome                VARCHAR(2000),
    acknowledge_deadline   DATE         NOT NULL,
    overdue_since          DATE,
    last_overdue_notice    DATE,
    previous_referral_id   UUID         REFERENCES referral (id),
    created_at             TIMESTAMPTZ  NOT NULL,
    accepted_at            TIMESTAMPTZ,
    first_contact_at       TIMESTAMPTZ,
    closed_at              TIMESTAMPTZ,
    -- client details block
    client_bsn_pseudonym   VARCHAR(64),
    client_name_pseudonym  VARCHAR(64),
    client                 JSONB,
    signals                JSONB,
    consent                JSONB,
    referrer               JSONB,
    details_erased_at      TIMESTAMPTZ,
    details_erased_reason  VARCHAR(64)
);
CREATE INDEX referral_practice ON referral (referring_practice_id, created_at DESC);
CREATE INDEX referral_partner ON referral (partner_id, created_at DESC);
CREATE INDEX referral_region ON referral (region_id, created_at);
CREATE INDEX referral_open_bsn ON referral (client_bsn_pseudonym) WHERE closed_at IS NULL;
CREATE INDEX referral_open_name ON referral (client_name_pseudonym) WHERE closed_at IS NULL;
CREATE INDEX referral_awaiting ON referral (acknowledge_deadline) WHERE status = 'requested';
CREATE INDEX referral_closed ON referral (closed_at) WHERE details_erased_at IS NULL;
CREATE UNIQUE INDEX referral_rerouted_once ON referral (previous_referral_id);

CREATE TABLE referral_history (
    id              BIGSERIAL     PRIMARY KEY,
    referral_id     UUID          NOT NULL REFERENCES referral (id),
    from_status     VARCHAR(32),
    to_status       VARCHAR(32)   NOT NULL,
    actor_user_id   VARCHAR(128)  NOT NULL,
    actor_org_id    VARCHAR(64)   NOT NULL,
    at              TIMESTAMPTZ   NOT NULL,
    reason_code     VARCHAR(64),
    reason_text     VARCHAR(2000),
    outcome         VARCHAR(2000)
);
CREATE INDEX referral_history_referral ON referral_history (referral_id, id);

-- A retried create with the same key returns the stored answer.
CREATE TABLE idempotency_key (
    practice_id     VARCHAR(64)   NOT NULL,
    idempotency_key VARCHAR(200)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    response_status INTEGER       NOT NULL,
    location        VARCHAR(500),
    response_body   JSONB         NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (practice_id, idempotency_key)
);
