package nl.zorgpad.referral.domain;

import java.time.LocalDate;

/** Who the family is and how to reach them safely. Special-category data: erased on withdrawal and retention. */
public record ClientDetails(String name, LocalDate birthDate, String bsn, String phone, String email,
                            String postcode, String houseNumber, String preferredLanguage, boolean interpreterNeeded,
                            String literacyNote, String safeContactInstructions) {

    /** The same details without the safe-contact instructions (for readers other than both ends). */
    public ClientDetails withoutSafeContact() {
        return new ClientDetails(name, birthDate, bsn, phone, email, postcode, houseNumber, preferredLanguage,
                interpreterNeeded, literacyNote, null);
    }
}
