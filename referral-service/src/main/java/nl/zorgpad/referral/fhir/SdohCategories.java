package nl.zorgpad.referral.fhir;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;

/**
 * The HL7 Gravity SDOH categories of the national signals: what a Gravity client filters ServiceRequests on
 * ({@code ServiceRequest.category}, bound to Gravity's SDOH category value set). A signal outside Gravity's domains
 * (health, skills and pregnancy signals such as addiction or a teen parent) is "sdoh-category-unspecified", as is a
 * region's own signal.
 *
 * <p>Gravity binds {@code ServiceRequest.code} per category to a VSAC value set of SNOMED CT procedures (for
 * financial insecurity 2.16.840.1.113762.1.4.1247.31, ...). Those expansions need a UMLS licence and are not at hand,
 * so no SNOMED CT code is guessed: the code stays the signal's own, and the category is what maps.
 */
final class SdohCategories {

    static final String SYSTEM = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";

    private static final Coding UNSPECIFIED = coding("sdoh-category-unspecified", "SDOH Category Unspecified");
    private static final Coding FINANCIAL = coding("financial-insecurity", "Financial Insecurity");
    private static final Coding SOCIAL_CONNECTION = coding("social-connection", "Social Connection");

    /** Codes and displays as Gravity's code system defines them; a signal may fall in more than one. */
    private static final Map<String, List<Coding>> BY_SIGNAL = Map.of(
            "financial-debt", List.of(FINANCIAL),
            "poverty-income", List.of(FINANCIAL, coding("employment-status", "Employment Status")),
            "housing", List.of(coding("housing-instability", "Housing Instability"),
                    coding("homelessness", "Homelessness"), coding("inadequate-housing", "Inadequate Housing")),
            "domestic-violence", List.of(coding("intimate-partner-violence", "Intimate Partner Violence")),
            "low-literacy", List.of(coding("personal-health-literacy", "Personal Health Literacy"),
                    coding("language-access", "Language Status")),
            "social-network", List.of(SOCIAL_CONNECTION),
            "newcomer", List.of(SOCIAL_CONNECTION));

    private SdohCategories() {
    }

    /** The Gravity categories of a signal (copies: the caller may attach them to a resource). */
    static List<Coding> of(String signalCode) {
        return BY_SIGNAL.getOrDefault(signalCode, List.of(UNSPECIFIED)).stream().map(Coding::copy).toList();
    }

    private static Coding coding(String code, String display) {
        return new Coding(SYSTEM, code, display);
    }
}
