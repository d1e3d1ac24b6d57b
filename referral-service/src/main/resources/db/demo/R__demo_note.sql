-- Demo profile: referrals are created live in the demo (through the API, as anna or the practice software), so
-- this location deliberately seeds nothing. It exists so that the demo profile's Flyway location resolves.
SELECT 1;
