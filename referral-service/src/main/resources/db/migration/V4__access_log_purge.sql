-- NEN 7513: the access log is kept five years, then purged. The application role still may not UPDATE, DELETE or
-- TRUNCATE access_log (V3); it may only call this function, which runs with the rights of its owner (the migration
-- role) and deletes nothing younger than five years. The period is fixed here, not a parameter, so the application
-- cannot shorten it; changing it takes a new migration.
CREATE FUNCTION purge_access_log() RETURNS bigint
    LANGUAGE sql
    VOLATILE
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    WITH purged AS (
        DELETE FROM public.access_log WHERE at < now() - interval '5 years' RETURNING 1
    )
    SELECT count(*) FROM purged;
$$;

REVOKE ALL ON FUNCTION purge_access_log() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_access_log() TO ${app_role};
