package nl.zorgpad.commons.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EventTraceTest {

    private static final SdkTracerProvider PROVIDER = SdkTracerProvider.builder().build();
    private static final Tracer TRACER = PROVIDER.get("test");
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @AfterAll
    static void close() {
        PROVIDER.close();
    }

    @Test
    void theCurrentSpanIsCapturedInW3cFormAndNamesThatSpanAgain() {
        Span span = TRACER.spanBuilder("create").startSpan();
        EventTrace trace;
        try (Scope ignored = span.makeCurrent()) {
            trace = EventTrace.current();
        } finally {
            span.end();
        }
        SpanContext written = span.getSpanContext();
        assertEquals("00-" + written.getTraceId() + "-" + written.getSpanId() + "-01", trace.traceparent());
        SpanContext parent = trace.spanContext();
        assertEquals(written.getTraceId(), parent.getTraceId());
        assertEquals(written.getSpanId(), parent.getSpanId());
        assertTrue(parent.isRemote(), "the parent of the spans that continue the trace elsewhere");
    }

    @Test
    void withoutASpanThereIsNoTraceAndItsContextStartsANewOne() {
        EventTrace trace = EventTrace.current();
        assertTrue(trace.isNone());
        assertFalse(trace.spanContext().isValid());
        Span next = TRACER.spanBuilder("publish").setParent(trace.context()).startSpan();
        assertTrue(next.getSpanContext().isValid());
        next.end();
    }

    @Test
    void theAttributesAreReadFromTheTopLevelOfTheCloudEventOnly() {
        EventTrace trace = EventTrace.ofCloudEvent("""
                {"specversion":"1.0","id":"e1","data":{"traceparent":"00-ffffffffffffffffffffffffffffffff-\
                ffffffffffffffff-01","nested":[1,{"a":2}]},"traceparent":"%s","tracestate":"zorgpad=1"}"""
                .formatted(TRACEPARENT));
        assertEquals(TRACEPARENT, trace.traceparent());
        assertEquals("zorgpad=1", trace.tracestate());
        assertEquals("0af7651916cd43dd8448eb211c80319c", trace.spanContext().getTraceId());
        assertEquals("b7ad6b7169203331", trace.spanContext().getSpanId());
    }

    @Test
    void anEventWithoutTraceAttributesOrNoJsonHasNone() {
        assertTrue(EventTrace.ofCloudEvent("{\"id\":\"e1\",\"data\":{\"traceparent\":\"" + TRACEPARENT + "\"}}")
                .isNone());
        assertTrue(EventTrace.ofCloudEvent("{\"traceparent\":null}").isNone());
        assertTrue(EventTrace.ofCloudEvent("not json").isNone());
        assertTrue(EventTrace.ofCloudEvent("[\"traceparent\"]").isNone());
    }

    @Test
    void aTracestateWithoutTraceparentIsDropped() {
        assertNull(new EventTrace(null, "zorgpad=1").tracestate());
    }

    @Test
    void aMalformedTraceparentNamesNoParent() {
        assertFalse(new EventTrace("00-not-a-trace-01", null).spanContext().isValid());
        assertFalse(new EventTrace("00-00000000000000000000000000000000-b7ad6b7169203331-01", null).spanContext()
                .isValid());
    }
}
