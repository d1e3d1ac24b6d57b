package nl.zorgpad.referral.domain;

import java.time.Instant;
import java.util.List;

/**
 * The client's consent to share: by whom, when, how, and for which partner kinds and which data.
 * Data categories: identity (name, date of birth, BSN), contact (phone, e-mail, address), signals (codes and
 * notes), safe-contact (instructions), language (language, interpreter, literacy).
 */
public record Consent(String givenBy, Instant givenAt, String method, List<String> partnerKinds,
                      List<String> dataCategories) {

    public static final List<String> METHODS = List.of("verbal", "written");
    public static final List<String> DATA_CATEGORIES = List.of("identity", "contact", "signals", "safe-contact",
            "language");

    public boolean coversPartnerKind(String kind) {
        return partnerKinds != null && kind != null && partnerKinds.contains(kind);
    }

    public boolean coversData(String category) {
        return dataCategories != null && dataCategories.contains(category);
    }
}
