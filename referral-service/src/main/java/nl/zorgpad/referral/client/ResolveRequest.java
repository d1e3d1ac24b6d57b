package nl.zorgpad.referral.client;

import java.time.LocalDate;
import java.util.List;

/** The request of {@code POST /api/routes/resolve}. */
public record ResolveRequest(String postcode, String municipalityCode, List<String> signalTypes, String phase,
                             LocalDate dueDate, LocalDate birthDate, String vulnerability, Integer clientAge,
                             String urgency) {
}
