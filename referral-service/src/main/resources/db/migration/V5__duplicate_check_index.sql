-- The duplicate check on create looks for an open referral of the same client to the same partner, once by the
-- name + birth date pseudonym and once by the BSN pseudonym. With indexes on a pseudonym alone, PostgreSQL's plan
-- walked all of a partner's open referrals on every create (about 1,100 rows per create after 1,500 creates for one
-- partner, growing with the partner's history): it scanned the BSN index, whose entries are mostly NULL (no BSN
-- given), with only the partner as condition. Indexes on pseudonym + partner match both equalities, and the BSN
-- index leaves out referrals without a BSN, so it can only serve lookups by BSN. Lookups by pseudonym alone (the
-- privacy officer's query) use the leading column.
CREATE INDEX referral_open_name_partner ON referral (client_name_pseudonym, partner_id) WHERE closed_at IS NULL;
CREATE INDEX referral_open_bsn_partner ON referral (client_bsn_pseudonym, partner_id)
    WHERE closed_at IS NULL AND client_bsn_pseudonym IS NOT NULL;
DROP INDEX referral_open_name;
DROP INDEX referral_open_bsn;
