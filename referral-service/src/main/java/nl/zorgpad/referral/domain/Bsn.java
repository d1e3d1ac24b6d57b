package nl.zorgpad.referral.domain;

/** The Dutch citizen service number (BSN): nine digits passing the 11-check. */
public final class Bsn {

    private Bsn() {
    }

    /**
     * The 11-check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11 (and, for a BSN, not zero).
     * Eight-digit numbers are valid with a leading zero.
     */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String digits = value.length() == 8 ? "0" + value : value;
        if (digits.length() != 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';
        return sum != 0 && sum % 11 == 0;
    }

    /** The nine-digit form (leading zero restored). */
    public static String normalise(String value) {
        return value.length() == 8 ? "0" + value : value;
    }
}
