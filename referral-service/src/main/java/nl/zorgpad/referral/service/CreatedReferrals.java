package nl.zorgpad.referral.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.domain.Route;

/** The answer to a create: every handover made, every signal left without a route. */
public record CreatedReferrals(String phase, String municipalityCode, List<CreatedHandover> handovers,
                               List<HandoverPlan.Gap> gaps) {

    public record CreatedHandover(UUID referralId, String location, String status, String partnerId,
                                  String partnerName, String partnerKind, Route.ContactPoint contactPoint,
                                  String instruction, String pathwayId, Integer pathwayVersion,
                                  List<String> signalCodes, LocalDate acknowledgeDeadline, boolean partnerOverride,
                                  String capacityStatus, Integer waitlistWeeks, UUID previousReferralId) {
    }
}
