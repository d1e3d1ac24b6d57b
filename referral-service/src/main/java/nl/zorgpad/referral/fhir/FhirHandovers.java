package nl.zorgpad.referral.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.referral.service.CreatedReferrals;
import nl.zorgpad.referral.service.CreatedReferrals.CreatedHandover;
import nl.zorgpad.referral.service.HandoverPlan;
import nl.zorgpad.referral.service.ReferralCreation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * {@code POST /fhir} with a transaction Bundle: the handover of {@link HandoverBundle} made by the same use case as
 * {@code POST /api/referrals} (routing, consent, duplicate check, idempotency, access log, outbox), answered entry
 * by entry. Signals for one partner become one Task, so two Task entries may answer with the same Task; a signal
 * without a route answers 422 on its entries with a warning saying why, while the others are created.
 */
@ApplicationScoped
public class FhirHandovers {

    private static final String CREATED = "201 Created";

    private final ReferralCreation creation;
    private final R4Validator validator;

    public FhirHandovers(ReferralCreation creation, R4Validator validator) {
        this.creation = creation;
        this.validator = validator;
    }

    /** {@code base} is the service's FHIR base URL, for the answer's absolute {@code fullUrl}s. */
    public Bundle create(Caller caller, Bundle bundle, String idempotencyKey, String base) {
        HandoverBundle handover = HandoverBundle.read(bundle);
        validator.check(bundle);
        String key = idempotencyKey != null ? idempotencyKey
                : HandoverBundle.ifNoneExist(bundle).map(condition -> "fhir:If-None-Exist:" + condition).orElse(null);
        CreatedReferrals created;
        try {
            created = creation.create(caller, handover.request(), key);
        } catch (ProblemException e) {
            throw OperationOutcomes.relocated(e.problem(), handover::expression);
        }
        return answer(handover, created, caller.organisationId(), base);
    }

    private static Bundle answer(HandoverBundle handover, CreatedReferrals created, String practiceId,
                                 String base) {
        Map<String, CreatedHandover> bySignal = new HashMap<>();
        created.handovers().forEach(h -> h.signalCodes().forEach(code -> bySignal.put(code, h)));
        Map<String, HandoverPlan.Gap> gaps = new HashMap<>();
        created.gaps().forEach(g -> gaps.put(g.signalType(), g));
        CreatedHandover first = created.handovers().get(0);
        Instant now = Instant.now();
        Set<UUID> shown = new HashSet<>();

        Bundle answer = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (HandoverBundle.Entry entry : handover.entries()) {
            Bundle.BundleEntryComponent line = answer.addEntry();
            CreatedHandover h = entry.signalCode() == null ? null : bySignal.get(entry.signalCode());
            switch (entry.role()) {
                case PATIENT -> line.getResponse().setStatus(CREATED).setLocation("Patient/" + first.referralId());
                case SERVICE_REQUEST -> {
                    if (h == null) {
                        gap(line, gaps.get(entry.signalCode()));
                    } else {
                        line.getResponse().setStatus(CREATED).setLocation("ServiceRequest/" + h.referralId() + "-"
                                + (h.signalCodes().indexOf(entry.signalCode()) + 1));
                    }
                }
                case TASK -> {
                    if (h == null) {
                        gap(line, gaps.get(entry.signalCode()));
                    } else {
                        // A Task shared by several signals is written out once (a fullUrl is unique in a Bundle).
                        if (shown.add(h.referralId())) {
                            line.setFullUrl(base + "Task/" + h.referralId());
                            line.setResource(ReferralAsFhir.created(h, practiceId, now));
                        }
                        line.getResponse().setStatus(CREATED).setLocation("Task/" + h.referralId() + "/_history/0")
                                .setEtag("W/\"0\"");
                    }
                }
                default -> line.getResponse().setStatus("200 OK").setOutcome(note(IssueSeverity.INFORMATION,
                        IssueType.INFORMATIONAL, "Kept with the referral (Task/" + first.referralId()
                                + "), not as a resource of its own"));
            }
        }
        return answer;
    }

    private static void gap(Bundle.BundleEntryComponent line, HandoverPlan.Gap gap) {
        String why = gap == null ? "not handed over" : "No route for signal " + gap.signalType() + ": " + gap.gap();
        line.getResponse().setStatus("422 Unprocessable Entity")
                .setOutcome(note(IssueSeverity.WARNING, IssueType.NOTFOUND, why));
    }

    private static OperationOutcome note(IssueSeverity severity, IssueType type, String text) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(text);
        return outcome;
    }
}
