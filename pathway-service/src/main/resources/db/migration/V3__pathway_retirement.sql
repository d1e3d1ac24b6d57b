-- A pathway a region stops using (removed by an import) is retired, not deleted: referrals cite its published
-- versions, which stay readable. The retirement is a version of its own: status 'retired', no rules, in force from
-- its effective_from; from then on route resolution has no version in force for the pathway.
ALTER TABLE pathway_version DROP CONSTRAINT pathway_version_status_check;
ALTER TABLE pathway_version ADD CONSTRAINT pathway_version_status_check
    CHECK (status IN ('draft', 'published', 'retired'));
