package nl.zorgpad.referral.service;

/** A referral as read or changed, with the version its ETag carries. */
public record Versioned<T>(T value, int version) {
}
