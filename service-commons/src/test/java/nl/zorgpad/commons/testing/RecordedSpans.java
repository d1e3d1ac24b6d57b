package nl.zorgpad.commons.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans the service finished, kept in memory for the tests: the exporter is a CDI bean, which Quarkus uses
 * instead of the OTLP exporter. It only receives spans under the {@link Tracing} profile.
 */
@ApplicationScoped
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
