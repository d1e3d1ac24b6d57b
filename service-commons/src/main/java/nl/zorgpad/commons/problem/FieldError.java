package nl.zorgpad.commons.problem;

/** One field that failed: its JSON path as the client wrote it (e.g. {@code rules[0].target}) and what is wrong. */
public record FieldError(String field, String message) {
}
