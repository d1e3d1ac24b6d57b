package nl.zorgpad.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private static final String PARTNER = "partner-wijkteam-smallingerland";
    private static final String PRACTICE = "practice-de-wieken";

    @ParameterizedTest
    @ValueSource(strings = {"referral.requested", "referral.cancelled", "referral.consent-withdrawn"})
    void onlyThePartnerHearsOfNewCancelledAndWithdrawnReferrals(String type) {
        assertEquals(Set.of(PARTNER), Routing.recipients(type, PARTNER, PRACTICE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"referral.accepted", "referral.rejected", "referral.in-progress", "referral.on-hold",
            "referral.completed", "referral.failed"})
    void onlyTheReferringPracticeHearsWhatBecameOfItsReferral(String type) {
        assertEquals(Set.of(PRACTICE), Routing.recipients(type, PARTNER, PRACTICE));
    }

    @Test
    void bothHearOfAnOverdueReferral() {
        assertEquals(List.of(PARTNER, PRACTICE), List.copyOf(Routing.recipients("referral.overdue", PARTNER,
                PRACTICE)));
    }

    @Test
    void unknownTypesAndMissingOrganisationsReachNobody() {
        assertEquals(Set.of(), Routing.recipients("referral.renamed", PARTNER, PRACTICE));
        assertEquals(Set.of(), Routing.recipients("referral.requested", null, PRACTICE));
        assertEquals(Set.of(), Routing.recipients("referral.accepted", PARTNER, " "));
    }

    @Test
    void tenEventTypesCanBeSubscribedTo() {
        assertEquals(10, Routing.knownTypes().size());
    }
}
