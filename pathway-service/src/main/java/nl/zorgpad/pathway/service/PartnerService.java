package nl.zorgpad.pathway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.pathway.domain.Partner;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.messaging.Outbox;
import nl.zorgpad.pathway.messaging.PathwayEventType;
import nl.zorgpad.pathway.routing.ContactPoint;
import nl.zorgpad.pathway.routing.Municipality;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Partners of a region: create, change, confirm capacity. Every change emits {@code partner.changed}. */
@ApplicationScoped
public class PartnerService {

    public static final String KINDS = "district-team|debt-counselling|youth-health-care|mental-health"
            + "|veilig-thuis|maternity-care|programme|other";

    /** A partner as a coordinator describes it. */
    public record PartnerData(
            @Schema(description = "The partner's id; required when adding a partner, may be left out when replacing"
                    + " one, and cannot change", examples = "partner-wijkteam-smallingerland")
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}", message = "lower-case letters, digits and dashes (3-64)")
            String id,
            @Schema(description = "The partner's name", examples = "Sociaal Wijkteam Smallingerland")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "What kind of organisation the partner is",
                    examples = "district-team",
                    enumeration = {"district-team", "debt-counselling", "youth-health-care", "mental-health",
                            "veilig-thuis", "maternity-care", "programme", "other"})
            @NotNull @Pattern(regexp = KINDS, message = "must be one of " + KINDS) String kind,
            @Schema(description = "The teams or people at the partner that take referrals; ids must differ")
            @NotNull @Size(min = 1, message = "needs at least one contact point")
            List<@NotNull @Valid ContactPoint> contactPoints,
            @Schema(description = "CBS codes of the municipalities of the region the partner serves as a whole",
                    examples = "[\"GM0090\"]")
            List<@Pattern(regexp = "GM[0-9]{4}", message = "must be a CBS code like GM0090") String> municipalities,
            @Schema(description = "PC4 areas of the region the partner serves beside its municipalities",
                    examples = "[\"9203\"]")
            List<@Pattern(regexp = "[1-9][0-9]{3}", message = "must be a PC4 area like 9203") String> postcodes,
            @Schema(description = "Language codes the partner can help families in", examples = "[\"nl\", \"fy\"]")
            List<@Size(max = 40) String> languages,
            @Schema(description = "True when the partner can bring in an interpreter; false when left out",
                    examples = "true")
            boolean interpreterSupport,
            @Schema(description = "The partner's capacity as confirmed now")
            @NotNull @Valid Capacity capacity,
            @Schema(description = "False to take the partner out of use; true when left out", examples = "true")
            Boolean active) {
    }

    /** Capacity as confirmed now. */
    public record Capacity(
            @Schema(description = "Whether the partner takes new referrals now",
                    examples = "waitlist",
                    enumeration = {"open", "waitlist", "closed"})
            @NotNull @Pattern(regexp = "open|waitlist|closed", message = "must be open, waitlist or closed")
            String status,
            @Schema(description = "Weeks on the waiting list; only kept when status is waitlist", examples = "3")
            @PositiveOrZero @Max(104) Integer waitlistWeeks) {
    }

    private final CurrentCaller caller;
    private final Outbox outbox;
    private final Event<ConfigurationChanged> changed;

    public PartnerService(CurrentCaller caller, Outbox outbox, Event<ConfigurationChanged> changed) {
        this.caller = caller;
        this.outbox = outbox;
        this.changed = changed;
    }

    @Transactional
    public List<Partner> list(String regionId) {
        OwnRegion.require(caller.get(), regionId);
        return Partner.list("regionId = ?1 order by name", regionId);
    }

    @Transactional
    public Partner get(String regionId, String partnerId) {
        OwnRegion.require(caller.get(), regionId);
        Partner partner = Partner.findById(partnerId);
        if (partner == null || !partner.regionId.equals(regionId)) {
            throw new ProblemException(ProblemType.NOT_FOUND,
                    "No partner " + partnerId + " in region " + regionId);
        }
        return partner;
    }

    @Transactional
    public Partner create(String regionId, PartnerData data) {
        OwnRegion.require(caller.get(), regionId);
        Region region = requireRegion(regionId);
        if (data.id() == null) {
            throw ProblemException.invalid("id", "is required");
        }
        if (Partner.findById(data.id()) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Partner id " + data.id() + " is already taken");
        }
        Partner partner = new Partner();
        partner.id = data.id();
        partner.regionId = regionId;
        apply(region, partner, data);
        partner.persist();
        emit(partner);
        return partner;
    }

    /** Replaces a partner; {@code expectedVersion} (from If-Match) guards against lost updates. */
    @Transactional
    public Partner update(String regionId, String partnerId, PartnerData data, Long expectedVersion) {
        Partner partner = get(regionId, partnerId);
        if (expectedVersion != null && expectedVersion != partner.version) {
            throw new ProblemException(ProblemType.STALE, "Partner " + partnerId + " changed since version "
                    + expectedVersion + "; it is now at version " + partner.version, List.of(),
                    Map.of("currentETag", "\"" + partner.version + "\""));
        }
        if (data.id() != null && !data.id().equals(partnerId)) {
            throw ProblemException.invalid("id", "cannot be changed");
        }
        apply(requireRegion(regionId), partner, data);
        partner.persistAndFlush();
        emit(partner);
        return partner;
    }

    /**
     * Takes a partner out of use: it stays (pathway versions and referrals cite it) but routes pass it over and
     * new rules may not target it. Emits {@code partner.changed} with {@code active: false}.
     */
    @Transactional
    public Partner deactivate(String regionId, String partnerId) {
        Partner partner = get(regionId, partnerId);
        if (partner.active) {
            partner.active = false;
            partner.updatedAt = Instant.now();
            partner.persistAndFlush();
            emit(partner);
        }
        return partner;
    }

    @Transactional
    public Partner confirmCapacity(String regionId, String partnerId, Capacity capacity) {
        Partner partner = get(regionId, partnerId);
        setCapacity(partner, capacity);
        partner.updatedAt = Instant.now();
        partner.persistAndFlush();
        emit(partner);
        return partner;
    }

    void apply(Region region, Partner partner, PartnerData data) {
        List<FieldError> errors = check(region.id, region.municipalities, data);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The partner has invalid fields", errors);
        }
        List<String> municipalities = data.municipalities() == null ? List.of() : data.municipalities();
        List<String> areas = data.postcodes() == null ? List.of() : data.postcodes();
        partner.name = data.name();
        partner.kind = data.kind();
        partner.contactPoints = new ArrayList<>(data.contactPoints());
        partner.municipalities = new ArrayList<>(municipalities);
        partner.postcodes = new ArrayList<>(areas);
        partner.languages = data.languages() == null ? new ArrayList<>() : new ArrayList<>(data.languages());
        partner.interpreterSupport = data.interpreterSupport();
        partner.active = data.active() == null || data.active();
        if (!data.capacity().status().equals(partner.capacityStatus)
                || !java.util.Objects.equals(partner.waitlistWeeks, weeks(data.capacity()))
                || partner.capacityConfirmedAt == null) {
            setCapacity(partner, data.capacity());
        }
        partner.updatedAt = Instant.now();
    }

    private static Integer weeks(Capacity capacity) {
        return "waitlist".equals(capacity.status()) ? capacity.waitlistWeeks() : null;
    }

    /** The partner as the API and the export describe it. */
    public static PartnerData data(Partner partner) {
        return new PartnerData(partner.id, partner.name, partner.kind, List.copyOf(partner.contactPoints),
                List.copyOf(partner.municipalities), List.copyOf(partner.postcodes), List.copyOf(partner.languages),
                partner.interpreterSupport, new Capacity(partner.capacityStatus, partner.waitlistWeeks),
                partner.active);
    }

    /** Service area outside the region, contact point ids used twice. */
    static List<FieldError> check(String regionId, List<Municipality> regionMunicipalities, PartnerData data) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> postcodes = new HashSet<>();
        for (Municipality municipality : regionMunicipalities) {
            codes.add(municipality.code());
            postcodes.addAll(municipality.postcodes());
        }
        List<String> municipalities = data.municipalities() == null ? List.of() : data.municipalities();
        List<String> areas = data.postcodes() == null ? List.of() : data.postcodes();
        for (int i = 0; i < municipalities.size(); i++) {
            if (!codes.contains(municipalities.get(i))) {
                errors.add(new FieldError("municipalities[" + i + "]", municipalities.get(i)
                        + " is not a municipality of region " + regionId));
            }
        }
        for (int i = 0; i < areas.size(); i++) {
            if (!postcodes.contains(areas.get(i))) {
                errors.add(new FieldError("postcodes[" + i + "]", areas.get(i) + " is not a PC4 area of region "
                        + regionId));
            }
        }
        Set<String> pointIds = new HashSet<>();
        for (int i = 0; i < data.contactPoints().size(); i++) {
            if (!pointIds.add(data.contactPoints().get(i).id())) {
                errors.add(new FieldError("contactPoints[" + i + "].id", "is used twice"));
            }
        }
        return errors;
    }

    private static void setCapacity(Partner partner, Capacity capacity) {
        partner.capacityStatus = capacity.status();
        partner.waitlistWeeks = "waitlist".equals(capacity.status()) ? capacity.waitlistWeeks() : null;
        partner.capacityConfirmedAt = Instant.now();
    }

    private static Region requireRegion(String regionId) {
        Region region = Region.findById(regionId);
        if (region == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No region " + regionId);
        }
        return region;
    }

    private void emit(Partner partner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerId", partner.id);
        data.put("regionId", partner.regionId);
        data.put("name", partner.name);
        data.put("kind", partner.kind);
        data.put("active", partner.active);
        data.put("capacityStatus", partner.capacityStatus);
        data.put("waitlistWeeks", partner.waitlistWeeks);
        data.put("version", partner.version);
        data.put("contactPoints", partner.contactPoints.stream()
                .map(point -> Map.of("id", point.id(), "name", point.name())).toList());
        outbox.record(PathwayEventType.PARTNER_CHANGED, partner.id, partner.regionId, data);
        changed.fire(new ConfigurationChanged(partner.regionId, "partner " + partner.id));
    }
}
