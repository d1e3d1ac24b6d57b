package nl.zorgpad.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.referral.client.PathwayClient;
import nl.zorgpad.referral.client.PathwayRejectedException;
import nl.zorgpad.referral.client.ResolveRequest;
import nl.zorgpad.referral.client.ResolveResponse;
import nl.zorgpad.referral.domain.Bsn;
import nl.zorgpad.referral.domain.ClientDetails;

/**
 * Creating handovers: validates the request, answers a retry with its stored answer (Idempotency-Key), resolves the
 * routes through pathway-service outside any transaction, then has {@link ReferralWriter} store every handover in
 * one transaction.
 */
@ApplicationScoped
public class ReferralCreation {

    private final PathwayClient pathway;
    private final ReferralWriter writer;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final Validator validator;

    public ReferralCreation(PathwayClient pathway, ReferralWriter writer, ObjectMapper json, ZoneId zone,
                            Validator validator) {
        this.pathway = pathway;
        this.writer = writer;
        this.json = json;
        this.zone = zone;
        this.validator = validator;
    }

    /** Validates, resolves routes (outside any transaction), then stores every handover in one transaction. */
    public CreatedReferrals create(Caller caller, NewReferral request, String idempotencyKey) {
        String practiceId = caller.organisationId(); // the referring practice; 403 when the token names none
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(zone);
        List<FieldError> errors = check(request, today, now);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            errors.add(new FieldError("Idempotency-Key", "must be 1 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The handover request has " + errors.size() + " invalid field(s)",
                    errors);
        }
        String hash = hash(request);
        if (idempotencyKey != null) {
            Optional<ReferralWriter.StoredAnswer> stored = writer.storedAnswer(practiceId, idempotencyKey);
            if (stored.isPresent()) {
                return replay(stored.get(), hash);
            }
        }
        ResolveResponse routes;
        try {
            routes = pathway.resolve(resolveRequest(request, today));
        } catch (PathwayRejectedException e) {
            throw ProblemException.invalid("pathway-service cannot route this request: " + e.getMessage(),
                    List.of(new FieldError("signals", e.getMessage())));
        }
        HandoverPlan plan = plan(request, routes);
        checkConsentCoversRoutes(request, plan);
        ReferralWriter.Shared shared = new ReferralWriter.Shared(normalised(request), request.signals(),
                request.consent(), request.referrer(), request.pregnancy().vulnerability(),
                request.pregnancy().urgency(), routes.phase(), routes.municipalityCode());
        return writer.create(onBehalfOfReferrer(caller, request), shared, plan, idempotencyKey, hash, null);
    }

    /** The stored answer of an earlier request with the same key; 422 when that request had another body. */
    static CreatedReferrals replay(ReferralWriter.StoredAnswer stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw ProblemException.invalid("Idempotency-Key", "was already used for a different request body");
        }
        return stored.answer();
    }

    /**
     * Every error of the request at once, ordered by field: each field's constraints, then the rules across fields
     * ({@link HandoverRules}). Validated here rather than by {@code @Valid} on the resource so that a client learns
     * of both kinds in one answer.
     */
    private List<FieldError> check(NewReferral request, LocalDate today, Instant now) {
        if (request == null) {
            return new ArrayList<>(List.of(new FieldError("", "a request body is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<NewReferral> violation : validator.validate(request)) {
            // "signals[0].<list element>" is "signals[0]" to the client.
            String field = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
            errors.add(new FieldError(field, violation.getMessage()));
        }
        errors.addAll(HandoverRules.check(request, today, now));
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    private static ClientDetails normalised(NewReferral request) {
        var c = request.client();
        String bsn = c.bsn() == null ? null : Bsn.normalise(c.bsn().strip());
        String postcode = c.postcode().replace(" ", "").toUpperCase(Locale.ROOT);
        return new ClientDetails(c.name().strip(), c.birthDate(), bsn, c.phone(), c.email(), postcode,
                c.houseNumber().strip(), c.preferredLanguage(), c.interpreterNeeded(), c.literacyNote(),
                c.safeContact());
    }

    private static Caller onBehalfOfReferrer(Caller caller, NewReferral request) {
        if (caller.userId().startsWith("service-account-")) {
            return caller.actingFor(request.referrer().name());
        }
        return caller;
    }

    private static ResolveRequest resolveRequest(NewReferral request, LocalDate today) {
        var client = request.client();
        int age = Period.between(client.birthDate(), today).getYears();
        return new ResolveRequest(client.postcode().replace(" ", "").toUpperCase(Locale.ROOT), null,
                request.signals().stream().map(s -> s.code()).toList(), null, request.pregnancy().dueDate(),
                request.pregnancy().birthDate(), request.pregnancy().vulnerability(), age,
                request.pregnancy().urgency());
    }

    private static HandoverPlan plan(NewReferral request, ResolveResponse routes) {
        if (request.partnerId() != null) {
            return HandoverPlan.override(routes, request.partnerId()).orElseThrow(() -> ProblemException.invalid(
                    "partnerId", "is not a partner on any pathway for these signals here"));
        }
        HandoverPlan plan = HandoverPlan.of(routes);
        if (plan.handovers().isEmpty()) {
            throw new ProblemException(ProblemType.NO_ROUTE,
                    "No pathway leads to a partner for these signals at this address; nothing was stored",
                    List.of(), Map.of("gaps", plan.gaps()));
        }
        return plan;
    }

    private static void checkConsentCoversRoutes(NewReferral request, HandoverPlan plan) {
        List<FieldError> errors = new ArrayList<>();
        for (HandoverPlan.Handover handover : plan.handovers()) {
            if (!request.consent().coversPartnerKind(handover.route().partnerKind())) {
                errors.add(new FieldError("consent.partnerKinds", "does not cover partner kind "
                        + handover.route().partnerKind() + " (" + handover.route().partnerName() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The client's consent does not cover the route; nothing was stored",
                    errors);
        }
    }

    private String hash(NewReferral request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Request could not be hashed", e);
        }
    }
}
