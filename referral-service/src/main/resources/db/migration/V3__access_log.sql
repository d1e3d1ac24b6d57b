-- NEN 7513 access log. Append-only for the application: the database refuses UPDATE, DELETE and TRUNCATE by the
-- application role; only the owner (migrations, the 5-year purge by the DBA) can remove rows.
CREATE TABLE access_log (
    id                     BIGSERIAL     PRIMARY KEY,
    at                     TIMESTAMPTZ   NOT NULL,
    event                  VARCHAR(32)   NOT NULL,
    referral_id            UUID,
    client_bsn_pseudonym   VARCHAR(64),
    client_name_pseudonym  VARCHAR(64),
    user_id                VARCHAR(128)  NOT NULL,
    organisation_id        VARCHAR(64),
    on_behalf_of           VARCHAR(128),
    outcome                VARCHAR(32)   NOT NULL
);
CREATE INDEX access_log_referral ON access_log (referral_id, at);
CREATE INDEX access_log_bsn ON access_log (client_bsn_pseudonym, at);
CREATE INDEX access_log_name ON access_log (client_name_pseudonym, at);

REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM ${app_role};
