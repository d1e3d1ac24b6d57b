-- NEN 7513 asks of each logged access also the role in which the person acted and the application or system through
-- which it was made. Three columns, filled for every record from here on:
--   role         the caller's zorgpad realm role (midwife, district-team, vsv-admin, privacy-officer, service)
--   application  the client the access token was issued to (azp): zorgpad-console, a practice's software (its
--                service account's client), or another zorgpad service
--   service      the zorgpad service that wrote the record (quarkus.application.name)
-- Older records have none of them (NULL); they are not guessed afterwards.
ALTER TABLE access_log
    ADD COLUMN role        VARCHAR(32),
    ADD COLUMN application VARCHAR(128),
    ADD COLUMN service     VARCHAR(64);

-- The hash (V6) covers the new columns where a record has any of them, and stays what it was for records that have
-- none, so the records hashed before this migration still verify. A record that has them cannot pass for an old one:
-- setting all three to NULL changes its content, so its hash no longer matches.
CREATE OR REPLACE FUNCTION access_log_digest(r access_log) RETURNS CHAR(64)
    LANGUAGE sql
    IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT encode(sha256(convert_to(CASE
        WHEN r.role IS NULL AND r.application IS NULL AND r.service IS NULL THEN jsonb_build_array(
            r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.event, r.referral_id,
            r.client_bsn_pseudonym, r.client_name_pseudonym, r.user_id, r.organisation_id, r.on_behalf_of, r.outcome,
            r.chain_seq, r.prev_hash)
        ELSE jsonb_build_array(
            r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.event, r.referral_id,
            r.client_bsn_pseudonym, r.client_name_pseudonym, r.user_id, r.organisation_id, r.on_behalf_of, r.outcome,
            r.chain_seq, r.prev_hash, r.role, r.application, r.service)
        END::text, 'UTF8')), 'hex');
$$;
