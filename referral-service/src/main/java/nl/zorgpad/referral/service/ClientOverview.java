package nl.zorgpad.referral.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a client's question "who saw my data" (Wabvpz art. 15d): per access the organisation, the role in
 * which its staff acted, when and what they did (in plain Dutch), and per organisation a summary. It names no
 * persons: the law asks for the organisations and the categories of persons (the role), and the privacy officer can
 * still find the user in the access log when a client asks further.
 */
@Schema(description = "Who accessed a client's data: organisations and roles, never persons")
public record ClientOverview(
        @Schema(description = "Per organisation: its roles, first and last access and how many", required = true)
        List<Organisation> organisations,
        @Schema(description = "Every access, oldest first", required = true)
        List<Access> accesses) {

    /** Plain Dutch for each event of the access log, as the client reads it. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("create", "heeft de verwijzing aangemaakt"),
            Map.entry("read", "heeft de verwijzing bekeken"),
            Map.entry("read-history", "heeft de geschiedenis van de verwijzing bekeken"),
            Map.entry("list", "zag de verwijzing in een lijst van verwijzingen"),
            Map.entry("export", "heeft de verwijzing geëxporteerd (CSV)"),
            Map.entry("status-change", "heeft de stand van de verwijzing bijgewerkt"),
            Map.entry("reroute", "heeft de verwijzing naar een andere organisatie gestuurd"),
            Map.entry("consent-withdrawal", "heeft de intrekking van de toestemming verwerkt"),
            Map.entry(AccessLogQuery.SEARCH, "heeft in de logging gezocht wie de gegevens zag"),
            Map.entry(AccessLogQuery.OVERVIEW, "heeft een overzicht als dit opgesteld"));

    /** One access, without the person who made it. */
    public record Access(
            @Schema(description = "When", examples = "2026-11-24T10:00:00Z", required = true)
            Instant at,
            @Schema(description = "The organisation on whose behalf the access was made",
                    examples = "partner-wijkteam-smallingerland", required = true)
            String organisationId,
            @Schema(description = "The role in which its staff acted; null in records from before this was logged",
                    examples = "district-team", required = true, nullable = true,
                    enumeration = {"midwife", "district-team", "vsv-admin", "privacy-officer", "service"})
            String role,
            @Schema(description = AccessLogQuery.EVENTS, examples = "read", required = true)
            String event,
            @Schema(description = "What was done, in plain Dutch", examples = "heeft de verwijzing bekeken",
                    required = true)
            String action,
            @Schema(description = "success, or denied (the organisation tried but was shown nothing)",
                    examples = "success", required = true, enumeration = {"success", "denied"})
            String outcome) {
    }

    /** The accesses of one organisation, summed up. */
    public record Organisation(
            @Schema(description = "The organisation", examples = "partner-wijkteam-smallingerland", required = true)
            String organisationId,
            @Schema(description = "The roles in which its staff acted (those known)", examples = "[\"district-team\"]",
                    required = true)
            List<String> roles,
            @Schema(description = "Its first access", examples = "2026-11-24T10:00:00Z", required = true)
            Instant firstAccess,
            @Schema(description = "Its last access", examples = "2026-12-01T14:30:00Z", required = true)
            Instant lastAccess,
            @Schema(description = "How many accesses", examples = "3", required = true)
            int accesses) {
    }

    /** The overview of {@code entries} (oldest first). */
    static ClientOverview of(List<AccessLogEntry> entries) {
        List<Access> accesses = entries.stream().map(e -> new Access(e.at, e.organisationId, e.role, e.event,
                ACTIONS.getOrDefault(e.event, "andere handeling: " + e.event), e.outcome)).toList();
        Map<String, List<Access>> byOrganisation = new LinkedHashMap<>();
        for (Access access : accesses) {
            byOrganisation.computeIfAbsent(String.valueOf(access.organisationId()), o -> new ArrayList<>())
                    .add(access);
        }
        List<Organisation> organisations = byOrganisation.values().stream().map(list -> new Organisation(
                list.get(0).organisationId(),
                List.copyOf(new TreeSet<>(list.stream().map(Access::role).filter(r -> r != null).toList())),
                list.get(0).at(), list.get(list.size() - 1).at(), list.size())).toList();
        return new ClientOverview(organisations, accesses);
    }
}
