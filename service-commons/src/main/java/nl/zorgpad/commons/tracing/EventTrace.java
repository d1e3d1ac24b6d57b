package nl.zorgpad.commons.tracing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A W3C trace context as text, {@code traceparent} and the optional {@code tracestate}, for work that outlives the
 * request it belongs to: an event waiting in the outbox, a delivery waiting in the queue. As attributes of a CloudEvent
 * these are the CloudEvents "distributed tracing" extension. Always in W3C form, whatever propagators a service is
 * configured with, because that extension prescribes it.
 */
public record EventTrace(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** No trace: events written before tracing, or while it is off. */
    public static final EventTrace NONE = new EventTrace(null, null);

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final JsonFactory JSON = new JsonFactory();
    private static final TextMapGetter<EventTrace> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(EventTrace carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(EventTrace carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return TRACEPARENT.equals(key) ? carrier.traceparent : TRACESTATE.equals(key) ? carrier.tracestate : null;
        }
    };

    public EventTrace {
        if (traceparent == null) {
            tracestate = null; // a tracestate means nothing without the span it belongs to
        }
    }

    /** The span current on this thread; {@link #NONE} when there is none, as when tracing is off. */
    public static EventTrace current() {
        return of(Context.current());
    }

    /** The span of {@code context}; {@link #NONE} when it holds no valid one. */
    public static EventTrace of(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        return new EventTrace(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /**
     * The extension's attributes of a structured CloudEvent, read from the top level of its JSON only (never from its
     * data); {@link #NONE} when it has none or is no JSON object.
     */
    public static EventTrace ofCloudEvent(String json) {
        String traceparent = null;
        String tracestate = null;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && TRACEPARENT.equals(name)) {
                    traceparent = parser.getText();
                } else if (value == JsonToken.VALUE_STRING && TRACESTATE.equals(name)) {
                    tracestate = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return NONE;
        }
        return new EventTrace(traceparent, tracestate);
    }

    public boolean isNone() {
        return traceparent == null;
    }

    /**
     * A context whose span is the one named here, as a remote parent for the spans that continue the trace; the root
     * context (a new trace) when none is named or the {@code traceparent} is not valid W3C.
     */
    public Context context() {
        return isNone() ? Context.root() : W3C.extract(Context.root(), this, GETTER);
    }

    /** The named span; an invalid span context when there is none. */
    public SpanContext spanContext() {
        return Span.fromContext(context()).getSpanContext();
    }
}
