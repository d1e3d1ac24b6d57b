package nl.zorgpad.referral.domain;

/** The professional who made the handover, as the partner should call back. */
public record Referrer(String name, String role, String phone) {
}
