package nl.zorgpad.pathway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.routing.Municipality;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A coordinator's own region: its name, municipalities and PC4 areas. */
@ApplicationScoped
public class RegionService {

    /** The editable part of a region. */
    public record RegionData(
            @Schema(description = "The region's name", examples = "VSV Zuidoost-Friesland")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "The municipalities the region covers, each with its PC4 areas")
            @NotNull @Size(min = 1) List<@NotNull @Valid Municipality> municipalities) {
    }

    private final CurrentCaller caller;
    private final Event<ConfigurationChanged> changed;

    public RegionService(CurrentCaller caller, Event<ConfigurationChanged> changed) {
        this.caller = caller;
        this.changed = changed;
    }

    @Transactional
    public Region get(String regionId) {
        OwnRegion.require(caller.get(), regionId);
        Region region = Region.findById(regionId);
        if (region == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No region " + regionId);
        }
        return region;
    }

    /** Creates or replaces the caller's own region; a municipality or PC4 area may belong to one region only. */
    @Transactional
    public Region put(String regionId, RegionData data) {
        OwnRegion.require(caller.get(), regionId);
        List<FieldError> errors = check(regionId, data);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The region has invalid municipalities", errors);
        }
        Region region = Region.findById(regionId);
        if (region == null) {
            region = new Region();
            region.id = regionId;
        }
        region.name = data.name();
        region.municipalities = new ArrayList<>(data.municipalities());
        region.updatedAt = Instant.now();
        region.persist();
        changed.fire(new ConfigurationChanged(regionId, "region"));
        return region;
    }

    /** Municipalities and PC4 areas listed twice or owned by another region. */
    List<FieldError> check(String regionId, RegionData data) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> postcodes = new HashSet<>();
        List<Region> others = Region.list("id <> ?1", regionId);
        for (int i = 0; i < data.municipalities().size(); i++) {
            Municipality municipality = data.municipalities().get(i);
            if (!codes.add(municipality.code())) {
                errors.add(new FieldError("municipalities[" + i + "].code", "is listed twice"));
            }
            for (String postcode : municipality.postcodes()) {
                if (!postcodes.add(postcode)) {
                    errors.add(new FieldError("municipalities[" + i + "].postcodes", postcode + " is listed twice"));
                }
            }
            for (Region other : others) {
                for (Municipality taken : other.municipalities) {
                    if (taken.code().equals(municipality.code())) {
                        errors.add(new FieldError("municipalities[" + i + "].code", "belongs to another region"));
                    }
                    for (String pc : taken.postcodes()) {
                        if (municipality.postcodes().contains(pc)) {
                            errors.add(new FieldError("municipalities[" + i + "].postcodes",
                                    pc + " belongs to another region"));
                        }
                    }
                }
            }
        }
        return errors;
    }
}
