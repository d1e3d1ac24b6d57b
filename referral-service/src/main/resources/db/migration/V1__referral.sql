-- Foundation table; the referral-service issue grows it into the full handover model.
CREATE TABLE referral (
    id                    UUID         PRIMARY KEY,
    referring_practice_id VARCHAR(64)  NOT NULL,
    partner_id            VARCHAR(64)  NOT NULL,
    status                VARCHAR(32)  NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX referral_practice ON referral (referring_practice_id, created_at DESC);
CREATE INDEX referral_partner ON referral (partner_id, created_at DESC);
