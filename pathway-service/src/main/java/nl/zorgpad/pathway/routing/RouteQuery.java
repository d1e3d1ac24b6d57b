package nl.zorgpad.pathway.routing;

import java.util.List;

/** A family's situation, reduced to what routing needs: no client data beyond these facts. */
public record RouteQuery(String postcode, String municipalityCode, List<String> signalTypes, Phase phase,
                         Vulnerability vulnerability, Integer clientAge, Urgency urgency) {

    public RouteQuery {
        signalTypes = List.copyOf(signalTypes);
        urgency = urgency == null ? Urgency.ROUTINE : urgency;
    }
}
