package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.console.client.RegionApi;
import nl.zorgpad.console.client.Regions.Cell;
import nl.zorgpad.console.client.Regions.Coverage;
import nl.zorgpad.console.client.Regions.Region;
import nl.zorgpad.console.client.Regions.Version;
import nl.zorgpad.console.security.ConsoleUser;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The printable route cards ("sociale kaart") of the region: one A4 page per municipality with, per signal, where a
 * family goes and what the referrer does (see {@link RouteCards} for where the data comes from). {@code ?gemeente=}
 * narrows it to one municipality.
 */
@Path("/regio/routekaart")
@RolesAllowed(Role.VSV_ADMIN_NAME)
public class RouteCardPage {

    /** The cards shown, the region's municipalities (to choose one) and the date the cards describe. */
    public record Screen(Region region, List<RouteCards.RouteCard> cards, String chosen, LocalDate date) {

        public Map<String, String> getNames() {
            Map<String, String> names = new LinkedHashMap<>();
            region.municipalities().forEach(m -> names.put(m.code(), m.name()));
            return names;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cards(Screen screen);
    }

    private final RegionApi regions;
    private final ConsoleUser user;
    private final SignalNames signals;
    private final Pages pages;

    RouteCardPage(@RestClient RegionApi regions, ConsoleUser user, SignalNames signals, Pages pages) {
        this.regions = regions;
        this.user = user;
        this.signals = signals;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("gemeente") String municipality) {
        String regionId = user.getOrganisation();
        Region region = regions.region(regionId);
        Coverage coverage = regions.coverage(regionId);
        Set<String> signalCodes = new LinkedHashSet<>();
        Map<String, Version> inForce = new HashMap<>();
        for (Cell cell : coverage.cells()) {
            signalCodes.add(cell.signalType());
            if (cell.pathwayVersion() != null && !inForce.containsKey(cell.signalType())) {
                inForce.put(cell.signalType(), regions.version(regionId, cell.pathwayId(), cell.pathwayVersion()));
            }
        }
        List<RouteCards.RouteCard> cards = RouteCards.build(region, List.copyOf(signalCodes), inForce,
                regions.partners(regionId), signals::label);
        String chosen = municipality != null && region.municipality(municipality).isPresent() ? municipality : "";
        if (!chosen.isEmpty()) {
            cards = cards.stream().filter(c -> c.municipalityCode().equals(chosen)).toList();
        }
        return pages.show(Templates.cards(new Screen(region, cards, chosen, coverage.date())));
    }
}
