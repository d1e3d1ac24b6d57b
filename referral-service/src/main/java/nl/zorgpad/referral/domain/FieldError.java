package nl.zorgpad.referral.domain;

/** One invalid field: its JSON path and what is wrong with it. */
public record FieldError(String field, String message) {
}
