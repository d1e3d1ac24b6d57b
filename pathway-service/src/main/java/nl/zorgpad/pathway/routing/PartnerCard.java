package nl.zorgpad.pathway.routing;

import java.util.List;
import java.util.Optional;

/** What route resolution needs to know about a partner. */
public record PartnerCard(String id, String regionId, String name, String kind, List<ContactPoint> contactPoints,
                          List<String> municipalities, List<String> postcodes, CapacityStatus capacityStatus,
                          Integer waitlistWeeks, boolean active) {

    public PartnerCard {
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        postcodes = postcodes == null ? List.of() : List.copyOf(postcodes);
    }

    /** The named contact point, or the first one when none is named. */
    public Optional<ContactPoint> contactPoint(String contactPointId) {
        if (contactPointId == null) {
            return contactPoints.stream().findFirst();
        }
        return contactPoints.stream().filter(point -> point.id().equals(contactPointId)).findFirst();
    }

    /** Whether it takes referrals now (active and not closed). */
    public boolean available() {
        return active && capacityStatus != CapacityStatus.CLOSED;
    }

    /**
     * Whether the partner serves a PC4 area or municipality: an empty service area means the whole region. The
     * municipality is null for a postcode the region does not know.
     */
    public boolean serves(String municipalityCode, String postcode) {
        if (municipalities.isEmpty() && postcodes.isEmpty()) {
            return true;
        }
        return (municipalityCode != null && municipalities.contains(municipalityCode))
                || (postcode != null && postcodes.contains(postcode));
    }
}
