-- The end of the lease of a delivery being sent, NULL when none is. next_attempt_at alone cannot tell a delivery in
-- flight from one waiting for its retry, and only the first may hold back the later events of the same referral to
-- the same receiver. In the database rather than in one instance's memory, so two replicas keep that order too.
ALTER TABLE delivery ADD COLUMN leased_until TIMESTAMPTZ;
