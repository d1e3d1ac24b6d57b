package nl.zorgpad.pathway.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.pathway.routing.Phase;
import nl.zorgpad.pathway.routing.PhaseCalculator;
import nl.zorgpad.pathway.routing.ResolveResult;
import nl.zorgpad.pathway.routing.RouteQuery;
import nl.zorgpad.pathway.routing.RouteSnapshot;
import nl.zorgpad.pathway.routing.Urgency;
import nl.zorgpad.pathway.routing.Vulnerability;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answers "for these signals, for this family, where do I hand over?" from the in-memory route table only. */
@ApplicationScoped
public class RouteService {

    private static final Pattern CBS_CODE = Pattern.compile("GM[0-9]{4}");

    /** What the referrer knows about the family; no identifying client data. */
    public record ResolveRequest(
            @Schema(description = "The family's postcode; give it or municipalityCode, it wins when both are given",
                    examples = "9203AB")
            @Size(max = 7) String postcode,
            @Schema(description = "CBS code of the family's municipality, used when no postcode is given",
                    examples = "GM0090")
            @Size(max = 6) String municipalityCode,
            @Schema(description = "The codes of the signals to route; each gets its own result",
                    examples = "[\"financial-debt\", \"psychological\"]")
            @NotEmpty @Size(max = 30) List<@NotNull String> signalTypes,
            @Schema(description = "The phase of the first 1000 days; when left out it follows from birthDate or"
                    + " dueDate", examples = "pregnancy")
            Phase phase,
            @Schema(description = "The expected due date, to derive the phase from", examples = "2027-03-01")
            LocalDate dueDate,
            @Schema(description = "The child's birth date, to derive the phase from; wins over dueDate",
                    examples = "2026-10-15")
            LocalDate birthDate,
            @Schema(description = "How vulnerable the family is; when left out, rules that ask for a level do not"
                    + " match", examples = "vulnerable")
            Vulnerability vulnerability,
            @Schema(description = "The client's age in years; when left out, rules with an age bound do not match",
                    examples = "24")
            @PositiveOrZero @Max(120) Integer clientAge,
            @Schema(description = "How soon the family must be reached; when left out, rules that ask for an urgency"
                    + " do not match", examples = "routine")
            Urgency urgency) {
    }

    private final RouteTable table;
    private final Clock clock;

    public RouteService(RouteTable table, ZoneId zone) {
        this.table = table;
        this.clock = Clock.system(zone);
    }

    /**
     * Resolves without blocking the calling event-loop thread: from the in-memory snapshot right away when it is up
     * to date (the usual case), else on a worker thread, because rebuilding the snapshot reads the database.
     */
    public Uni<ResolveResult> resolveNonBlocking(ResolveRequest request) {
        RouteSnapshot fresh = table.freshSnapshot();
        if (fresh != null) {
            return Uni.createFrom().item(() -> resolve(request, fresh));
        }
        return Uni.createFrom().item(() -> resolve(request)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public ResolveResult resolve(ResolveRequest request) {
        return resolve(request, table.snapshot());
    }

    private ResolveResult resolve(ResolveRequest request, RouteSnapshot snapshot) {
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        if (request.postcode() == null && request.municipalityCode() == null) {
            errors.add(new FieldError("postcode", "give a postcode or a municipalityCode"));
        } else if (request.postcode() != null && RouteSnapshot.pc4(request.postcode()) == null) {
            errors.add(new FieldError("postcode", "is not a Dutch postcode like 9203AB"));
        } else if (request.postcode() == null && !CBS_CODE.matcher(request.municipalityCode()).matches()) {
            errors.add(new FieldError("municipalityCode", "must be a CBS code like GM0090"));
        }
        for (int i = 0; i < request.signalTypes().size(); i++) {
            if (!snapshot.knowsSignalType(request.signalTypes().get(i))) {
                errors.add(new FieldError("signalTypes[" + i + "]", "unknown signal type "
                        + request.signalTypes().get(i)));
            }
        }
        Phase phase = null;
        try {
            phase = PhaseCalculator.phaseOf(request.phase(), request.dueDate(), request.birthDate(), today);
        } catch (PhaseCalculator.OutsideWindowException e) {
            errors.add(new FieldError(e.field(), e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The route request has " + errors.size() + " invalid field(s)", errors);
        }
        List<String> signals = List.copyOf(new LinkedHashSet<>(request.signalTypes()));
        return snapshot.resolve(new RouteQuery(request.postcode(), request.municipalityCode(), signals, phase,
                request.vulnerability(), request.clientAge(), request.urgency()), today);
    }
}
