package nl.zorgpad.pathway.messaging;

import nl.zorgpad.commons.outbox.OutboxWriter;

/** The events pathway-service publishes on {@code pathway-events} (documented in {@code openapi/asyncapi.yaml}). */
public enum PathwayEventType implements OutboxWriter.EventType {

    PATHWAY_PUBLISHED("pathway.published", "pathway"),
    PATHWAY_RETIRED("pathway.retired", "pathway"),
    PARTNER_CHANGED("partner.changed", "partner");

    private final String type;
    private final String aggregateType;

    PathwayEventType(String type, String aggregateType) {
        this.type = type;
        this.aggregateType = aggregateType;
    }

    @Override
    public String type() {
        return type;
    }

    /** What the event is about, kept in the outbox row's {@code aggregate_type}. */
    public String aggregateType() {
        return aggregateType;
    }
}
