-- Regions (VSV), their municipalities and PC4 areas. A vsv-admin's org_id is the id of their region.
CREATE TABLE region (
    id             VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    -- [{"code":"GM0090","name":"Smallingerland","postcodes":["9200",...]}]
    municipalities JSONB        NOT NULL DEFAULT '[]'::jsonb,
    version        BIGINT       NOT NULL DEFAULT 0,
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

ALTER TABLE signal_type ADD CONSTRAINT signal_type_region_fk FOREIGN KEY (region_id) REFERENCES region (id);

-- Organisations that take referrals. Public contact details only.
CREATE TABLE partner (
    id                    VARCHAR(64)  PRIMARY KEY,
    region_id             VARCHAR(64)  NOT NULL REFERENCES region (id),
    name                  VARCHAR(200) NOT NULL,
    kind                  VARCHAR(32)  NOT NULL CHECK (kind IN ('district-team', 'debt-counselling', 'youth-health-care',
                              'mental-health', 'veilig-thuis', 'maternity-care', 'programme', 'other')),
    contact_points        JSONB        NOT NULL DEFAULT '[]'::jsonb,
    municipalities        JSONB        NOT NULL DEFAULT '[]'::jsonb,
    postcodes             JSONB        NOT NULL DEFAULT '[]'::jsonb,
    languages             JSONB        NOT NULL DEFAULT '[]'::jsonb,
    interpreter_support   BOOLEAN      NOT NULL DEFAULT false,
    capacity_status       VARCHAR(16)  NOT NULL CHECK (capacity_status IN ('open', 'waitlist', 'closed')),
    waitlist_weeks        INTEGER,
    capacity_confirmed_at TIMESTAMPTZ  NOT NULL,
    active                BOOLEAN      NOT NULL DEFAULT true,
    version               BIGINT       NOT NULL DEFAULT 0,
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX partner_region_idx ON partner (region_id);

-- One pathway per region and signal type; its content lives in versions.
CREATE TABLE pathway (
    id          VARCHAR(64) PRIMARY KEY,
    region_id   VARCHAR(64) NOT NULL REFERENCES region (id),
    signal_type VARCHAR(64) NOT NULL REFERENCES signal_type (code),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (region_id, signal_type)
);

-- Versions: at most one draft per pathway; published versions are immutable and stay readable.
CREATE TABLE pathway_version (
    id             BIGSERIAL   PRIMARY KEY,
    pathway_id     VARCHAR(64) NOT NULL REFERENCES pathway (id),
    version        INTEGER     NOT NULL,
    status         VARCHAR(16) NOT NULL CHECK (status IN ('draft', 'published')),
    effective_from DATE,
    rules          JSONB       NOT NULL DEFAULT '[]'::jsonb,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by     VARCHAR(200),
    published_at   TIMESTAMPTZ,
    published_by   VARCHAR(200),
    UNIQUE (pathway_id, version),
    CHECK (status = 'draft' OR effective_from IS NOT NULL)
);
CREATE UNIQUE INDEX pathway_version_one_draft ON pathway_version (pathway_id) WHERE status = 'draft';

-- Transactional outbox: written in the same transaction as the change, published to Kafka by the relay.
CREATE TABLE outbox_event (
    id             UUID         PRIMARY KEY,
    aggregate_type VARCHAR(32)  NOT NULL,
    aggregate_id   VARCHAR(64)  NOT NULL,
    region_id      VARCHAR(64)  NOT NULL,
    type           VARCHAR(64)  NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_event_unsent_idx ON outbox_event (created_at) WHERE sent_at IS NULL;
