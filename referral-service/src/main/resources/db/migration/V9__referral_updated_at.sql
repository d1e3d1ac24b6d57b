-- When anything about a referral last changed, as FHIR's meta.lastUpdated and for the _lastUpdated search of Tasks
-- (a partner's system asks "what changed since I last looked"). The application sets it on every change of the
-- referral; the overdue job's own markers are no change of the referral and leave it. Existing referrals get the
-- latest moment they are known to have changed.
ALTER TABLE referral ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE referral SET updated_at = greatest(created_at, accepted_at, first_contact_at, closed_at, details_erased_at);
ALTER TABLE referral ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
ALTER TABLE referral ALTER COLUMN updated_at SET NOT NULL;
CREATE INDEX referral_partner_updated ON referral (partner_id, updated_at);
CREATE INDEX referral_practice_updated ON referral (referring_practice_id, updated_at);
