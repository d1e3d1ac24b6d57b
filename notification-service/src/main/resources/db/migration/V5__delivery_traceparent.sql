-- Tracing: a delivery is sent later, by the dispatcher, outside the consumer that queued it, so the W3C trace context
-- of its event (traceparent, 55 characters in version 00) is kept with it; each webhook call continues that trace.
-- Null for deliveries queued while tracing was off or before this column existed.
ALTER TABLE delivery ADD COLUMN traceparent VARCHAR(55);
