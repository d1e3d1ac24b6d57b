package nl.zorgpad.referral.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.zorgpad.referral.client.ResolveResponse;
import nl.zorgpad.referral.client.ResolveResponse.SignalResult;
import nl.zorgpad.referral.domain.Route;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Turns resolved routes into handovers: signals routed to the same partner become one handover; signals without a
 * route are gaps, stated as pathway-service put them.
 */
public record HandoverPlan(List<Handover> handovers, List<Gap> gaps) {

    public record Handover(Route route, List<String> signalCodes, List<Route> alternatives, boolean override) {
    }

    public record Gap(
            @Schema(description = "The signal without a route", examples = "alcohol", required = true)
            String signalType,
            @Schema(description = "Why there is no route, as pathway-service states it",
                    examples = "no pathway for this signal in region-zuidoost-friesland",
                    required = true)
            String gap,
            @Schema(description = "Partners passed over (e.g. closed), if any", required = true)
            List<ResolveResponse.PassedOver> passedOver) {
    }

    public static HandoverPlan of(ResolveResponse response) {
        Map<String, Route> routes = new LinkedHashMap<>();
        Map<String, List<String>> signals = new LinkedHashMap<>();
        Map<String, Map<String, Route>> alternatives = new LinkedHashMap<>();
        List<Gap> gaps = new ArrayList<>();
        for (SignalResult result : results(response)) {
            if (!result.routed()) {
                gaps.add(new Gap(result.signalType(), result.gap() == null ? "No route for this signal" : result.gap(),
                        result.passedOver() == null ? List.of() : result.passedOver()));
                continue;
            }
            String partner = result.primary().partnerId();
            routes.putIfAbsent(partner, result.primary());
            signals.computeIfAbsent(partner, p -> new ArrayList<>()).add(result.signalType());
            Map<String, Route> alts = alternatives.computeIfAbsent(partner, p -> new LinkedHashMap<>());
            for (Route alternative : result.alternativesOrEmpty()) {
                if (!alternative.partnerId().equals(partner)) {
                    alts.putIfAbsent(alternative.partnerId(), alternative);
                }
            }
        }
        List<Handover> handovers = routes.entrySet().stream()
                .map(e -> new Handover(e.getValue(), signals.get(e.getKey()),
                        List.copyOf(alternatives.get(e.getKey()).values()), false))
                .toList();
        return new HandoverPlan(handovers, gaps);
    }

    /**
     * The caller named a partner: one handover to it for every signal, using the route pathway-service gave for that
     * partner (as primary or alternative). Empty when no signal has a route to that partner.
     */
    public static Optional<HandoverPlan> override(ResolveResponse response, String partnerId) {
        Optional<Route> route = results(response).stream()
                .flatMap(r -> Stream.concat(Stream.ofNullable(r.primary()), r.alternativesOrEmpty().stream()))
                .filter(r -> partnerId.equals(r.partnerId()))
                .findFirst();
        List<String> signals = results(response).stream().map(SignalResult::signalType).toList();
        return route.map(r -> new HandoverPlan(List.of(new Handover(r, signals, List.of(), true)), List.of()));
    }

    private static List<SignalResult> results(ResolveResponse response) {
        return response == null || response.results() == null ? List.of() : response.results();
    }
}
