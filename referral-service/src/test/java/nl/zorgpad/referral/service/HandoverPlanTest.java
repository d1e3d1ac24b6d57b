package nl.zorgpad.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.zorgpad.referral.client.ResolveResponse;
import nl.zorgpad.referral.client.ResolveResponse.SignalResult;
import nl.zorgpad.referral.domain.Route;
import org.junit.jupiter.api.Test;

class HandoverPlanTest {

    private static Route route(String partner) {
        return new Route(partner, partner + " name", "district-team", null, "call", Map.of("routine", 5), "open",
                null, "pw", 1, "region", "match");
    }

    private static SignalResult routed(String signal, String partner, String... alternatives) {
        return new SignalResult(signal, "routed", route(partner),
                List.of(alternatives).stream().map(HandoverPlanTest::route).toList(), List.of(), null);
    }

    @Test
    void signalsToTheSamePartnerBecomeOneHandoverAndAlternativesAreMerged() {
        ResolveResponse response = new ResolveResponse("pregnancy", "GM0090", List.of(
                routed("financial-debt", "p1", "p2"),
                routed("smoking", "p3"),
                routed("psychological", "p1", "p4", "p1"),
                new SignalResult("teen-parent", "no-route", null, List.of(), List.of(), "No pathway yet")));
        HandoverPlan plan = HandoverPlan.of(response);
        assertEquals(2, plan.handovers().size());
        assertEquals(List.of("financial-debt", "psychological"), plan.handovers().get(0).signalCodes());
        assertEquals(List.of("p2", "p4"), plan.handovers().get(0).alternatives().stream()
                .map(Route::partnerId).toList());
        assertEquals(List.of("smoking"), plan.handovers().get(1).signalCodes());
        assertEquals(1, plan.gaps().size());
        assertEquals("No pathway yet", plan.gaps().get(0).gap());
    }

    @Test
    void aNamedPartnerTakesEverySignalAsAnOverride() {
        ResolveResponse response = new ResolveResponse("pregnancy", "GM0090", List.of(
                routed("financial-debt", "p1", "p2"), routed("smoking", "p3")));
        HandoverPlan plan = HandoverPlan.override(response, "p2").orElseThrow();
        assertEquals(1, plan.handovers().size());
        assertTrue(plan.handovers().get(0).override());
        assertEquals(List.of("financial-debt", "smoking"), plan.handovers().get(0).signalCodes());
        assertTrue(HandoverPlan.override(response, "p9").isEmpty());
    }
}
