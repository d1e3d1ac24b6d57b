package nl.zorgpad.pathway.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.domain.SignalType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The national signal catalogue plus the local signal types a region adds for itself. */
@ApplicationScoped
public class SignalTypeService {

    /**
     * A local signal type as a coordinator describes it. {@code description} is the English description (the
     * property's name from before there was a Dutch one); {@code descriptionNl} is optional: without it the English
     * description stands in for the Dutch one.
     */
    public record LocalSignalType(
            @Schema(description = "The new signal type's code, unique across the catalogue", examples = "zof-debt-rent")
            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{2,63}", message = "lower-case letters, digits and dashes (3-64)")
            String code,
            @Schema(description = "Dutch label", examples = "Huurachterstand")
            @NotBlank @Size(max = 200) String labelNl,
            @Schema(description = "English label", examples = "Rent arrears")
            @NotBlank @Size(max = 200) String labelEn,
            @Schema(description = "The life domain the signal belongs to",
                    examples = "money",
                    enumeration = {"money", "housing", "safety", "health", "network", "skills", "pregnancy"})
            @NotNull @Pattern(regexp = "money|housing|safety|health|network|skills|pregnancy",
                    message = "must be one of money, housing, safety, health, network, skills, pregnancy")
            String domain,
            @Schema(description = "English description", examples = "Rent arrears reported by the housing association.")
            @NotBlank @Size(max = 1000) String description,
            @Schema(description = "Dutch description; when left out, the English description is shown in its place",
                    examples = "Huurachterstand die de woningcorporatie heeft gemeld.")
            @Size(max = 1000) @Pattern(regexp = ".*\\S.*", flags = Pattern.Flag.DOTALL, message = "must not be blank")
            String descriptionNl) {
    }

    private final CurrentCaller caller;
    private final Event<ConfigurationChanged> changed;

    public SignalTypeService(CurrentCaller caller, Event<ConfigurationChanged> changed) {
        this.caller = caller;
        this.changed = changed;
    }

    /**
     * The national types, plus the local ones of the caller's own region. A token without an organisation (e.g. a
     * service's own) needs none to read the catalogue: it sees the national types.
     */
    @Transactional
    public List<SignalType> visible() {
        return caller.get().organisation()
                .map(org -> SignalType.<SignalType>list("regionId is null or regionId = ?1", Sort.by("code"), org))
                .orElseGet(() -> SignalType.list("regionId is null", Sort.by("code")));
    }

    @Transactional
    public SignalType addLocal(String regionId, LocalSignalType data) {
        OwnRegion.require(caller.get(), regionId);
        if (Region.findById(regionId) == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No region " + regionId);
        }
        if (SignalType.findById(data.code()) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Signal type " + data.code() + " already exists");
        }
        SignalType type = new SignalType();
        type.code = data.code();
        type.labelNl = data.labelNl();
        type.labelEn = data.labelEn();
        type.domain = data.domain();
        type.descriptionEn = data.description();
        type.descriptionNl = data.descriptionNl() == null ? data.description() : data.descriptionNl();
        type.regionId = regionId;
        type.persist();
        changed.fire(new ConfigurationChanged(regionId, "signal type " + data.code()));
        return type;
    }
}
