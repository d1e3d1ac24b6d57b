package nl.zorgpad.referral.service;

/** A referral as read or changed, with the version its ETag carries. */
public record Versioned<T>(T value, int version) {

    /**
     * The version an {@code If-Match} header names ({@code W/"3"}, {@code "3"} or {@code 3}); null when there is
     * none (the use case answers 428), a stale refusal when it names no version at all.
     */
    public static Integer fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Refusals.stale(-1);
        }
    }
}
