-- Safe contact becomes structured: the safe channels, a safe number, safe times, "leave no messages" and a note
-- (client.safeContact). Instructions written as free text before keep their place as the note; no channel is
-- claimed that the midwife did not record, so the list of channels starts empty for those.
UPDATE referral
SET client = (client - 'safeContactInstructions') || jsonb_build_object('safeContact',
        CASE WHEN coalesce(btrim(client ->> 'safeContactInstructions'), '') = '' THEN 'null'::jsonb
             ELSE jsonb_build_object('channels', '[]'::jsonb, 'phone', NULL, 'times', '[]'::jsonb,
                                     'noMessages', FALSE, 'note', client ->> 'safeContactInstructions')
        END)
WHERE client IS NOT NULL AND client ? 'safeContactInstructions';
