-- Notified pull: an inbox item names the referral's FHIR R4 Task (absolute URL under referral-service's /fhir)
-- when the event carried one, so a FHIR client can pull it. Null for items of events written before that. The URL
-- holds the referral id only, no client details.
ALTER TABLE inbox_item
    ADD COLUMN fhir_task VARCHAR(2000);
