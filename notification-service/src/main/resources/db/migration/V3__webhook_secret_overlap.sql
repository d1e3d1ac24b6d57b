-- Rotating a webhook secret with overlap: the secret that was replaced keeps signing beside the new one until
-- previous_secret_until, so a receiver that has not switched yet keeps accepting deliveries in the meantime
-- (Standard Webhooks allows several signatures in webhook-signature).
ALTER TABLE webhook_endpoint
    ADD COLUMN previous_secret       VARCHAR(200),
    ADD COLUMN previous_secret_until TIMESTAMPTZ;
