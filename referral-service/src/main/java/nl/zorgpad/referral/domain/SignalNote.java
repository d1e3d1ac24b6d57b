package nl.zorgpad.referral.domain;

/** One signal handed over, with the midwife's short note on it. */
public record SignalNote(String code, String note) {
}
