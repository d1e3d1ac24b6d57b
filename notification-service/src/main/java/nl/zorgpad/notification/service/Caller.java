package nl.zorgpad.notification.service;

/** Who is asking: the organisation from the token's {@code org_id}, and whether they are a vsv-admin. */
public record Caller(String organisationId, boolean vsvAdmin) {
}
