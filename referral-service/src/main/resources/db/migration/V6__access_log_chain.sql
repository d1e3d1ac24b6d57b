-- Tamper evidence for the NEN 7513 access log. The application role may only insert (V3), but the owner role (or
-- anyone with more rights) could still change or remove rows. So every record carries a SHA-256 over its content
-- and the hash of the record before it in its organisation's chain: changing a record breaks its own hash,
-- removing one breaks the sequence, and rewriting the rest of a chain to hide it changes the chain's head, which
-- GET /api/access-log/verification reports for comparison with an earlier copy.
--
-- One chain per acting organisation (organisation_id; '' for none), so that accesses of different organisations
-- do not wait for each other: a transaction that logs holds its organisation's chain lock until it commits.
ALTER TABLE access_log
    ADD COLUMN chain_seq BIGINT,
    ADD COLUMN prev_hash CHAR(64),
    ADD COLUMN hash      CHAR(64);

-- The one definition of a record's hash; verification recomputes it with the same function. The content is encoded
-- as a JSON array (unambiguous, unlike joined text) with the time in UTC to the microsecond.
CREATE FUNCTION access_log_digest(r access_log) RETURNS CHAR(64)
    LANGUAGE sql
    IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.event, r.referral_id,
        r.client_bsn_pseudonym, r.client_name_pseudonym, r.user_id, r.organisation_id, r.on_behalf_of, r.outcome,
        r.chain_seq, r.prev_hash)::text, 'UTF8')), 'hex');
$$;

CREATE FUNCTION access_log_chain() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_catalog, pg_temp
AS $$
DECLARE
    previous RECORD;
BEGIN
    -- Two-key advisory locks do not share a key space with the outbox relay's one-key locks.
    PERFORM pg_advisory_xact_lock(7513, hashtext(coalesce(NEW.organisation_id, '')));
    SELECT chain_seq, hash INTO previous FROM access_log
     WHERE coalesce(organisation_id, '') = coalesce(NEW.organisation_id, '')
     ORDER BY chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(previous.chain_seq, 0) + 1;
    NEW.prev_hash := previous.hash;
    NEW.hash := access_log_digest(NEW);
    RETURN NEW;
END;
$$;

-- Records written before this migration are chained in the order they were written.
DO $$
DECLARE
    r access_log;
    previous_seq BIGINT;
    previous_hash CHAR(64);
    previous_chain TEXT := NULL;
BEGIN
    FOR r IN SELECT * FROM access_log ORDER BY coalesce(organisation_id, ''), id LOOP
        IF previous_chain IS DISTINCT FROM coalesce(r.organisation_id, '') THEN
            previous_seq := 0;
            previous_hash := NULL;
            previous_chain := coalesce(r.organisation_id, '');
        END IF;
        r.chain_seq := previous_seq + 1;
        r.prev_hash := previous_hash;
        r.hash := access_log_digest(r);
        UPDATE access_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        previous_seq := r.chain_seq;
        previous_hash := r.hash;
    END LOOP;
END;
$$;

ALTER TABLE access_log
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX access_log_chain_position ON access_log ((coalesce(organisation_id, '')), chain_seq);

CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_chain();
