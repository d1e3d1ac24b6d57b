package nl.zorgpad.referral.service;

/** A move to another status, with the reason or outcome the move requires. */
public record StatusRequest(String status, String reasonCode, String reasonText, String outcome) {
}
