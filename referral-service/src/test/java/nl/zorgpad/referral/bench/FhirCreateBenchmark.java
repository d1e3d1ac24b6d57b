package nl.zorgpad.referral.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgpad.referral.fhir.HandoverBundles;
import nl.zorgpad.referral.support.Api;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a benchmark, run on demand only, with the benchmark profile: {@code ./mvnw -B verify -Pbenchmark -pl
 * referral-service -Dtest=FhirCreateBenchmark} (results: docs/benchmarks/referral-service.md).
 * The same handover created through {@code POST /fhir} (a transaction Bundle: parse, read into a NewReferral, answer
 * a transaction-response Bundle) and through {@code POST /api/referrals}, in alternating rounds in one run, so both
 * see the same JVM, database and load; prints the ratio of the best FHIR round to the best REST round.
 */
@QuarkusTest
@Tag("benchmark")
class FhirCreateBenchmark {

    private static final int CREATES = Integer.getInteger("bench.creates", 2000);
    /** Creates of each kind before measuring, in alternating chunks (see CreateThroughputBenchmark on warm-up). */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 15000);
    private static final int WARMUP_CHUNK = 2500;

    @TestHTTPResource("/api/referrals")
    URL rest;

    @TestHTTPResource("/fhir")
    URL fhir;

    @Test
    void fhirCreatesPerSecondAgainstRestCreates() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Double> restWarmUp = new ArrayList<>();
        List<Double> fhirWarmUp = new ArrayList<>();
        for (int done = 0; done < WARMUP; done += WARMUP_CHUNK) {
            restWarmUp.add(run(http, false, WARMUP_CHUNK));
            fhirWarmUp.add(run(http, true, WARMUP_CHUNK));
        }
        List<Double> restRounds = new ArrayList<>();
        List<Double> fhirRounds = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            restRounds.add(run(http, false, CREATES));
            fhirRounds.add(run(http, true, CREATES));
        }
        double restBest = restRounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double fhirBest = fhirRounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        System.out.printf("%n[benchmark] threads=%d warm-up=%d of each creates/round=%d cores=%d%n",
                Throughput.THREADS, WARMUP, CREATES, Runtime.getRuntime().availableProcessors());
        System.out.printf("[benchmark] warm-up creates/s, REST: %s%n", Throughput.rates(restWarmUp));
        System.out.printf("[benchmark] warm-up creates/s, FHIR: %s%n", Throughput.rates(fhirWarmUp));
        System.out.printf("[benchmark] REST creates/s per round: %s%n", Throughput.rates(restRounds));
        System.out.printf("[benchmark] FHIR creates/s per round: %s%n", Throughput.rates(fhirRounds));
        System.out.printf("[benchmark] ratio (best FHIR / best REST): %.2f%n%n", fhirBest / restBest);
    }

    /**
     * {@code count} creates of one family each (a fresh name, no BSN, so none is a duplicate), as anna. The bodies
     * are written before the clock starts: the client shares this JVM with the service, and writing a Bundle costs
     * the client more than writing the REST body, which would count against FHIR.
     */
    private double run(HttpClient http, boolean asFhir, int count) throws Exception {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = "Bench Client " + UUID.randomUUID();
            if (asFhir) {
                Bundle bundle = HandoverBundles.handover(name, "financial-debt");
                HandoverBundles.first(bundle, Patient.class).getIdentifier().clear();
                bodies.add(HandoverBundles.json(bundle));
            } else {
                bodies.add(Throughput.JSON.writeValueAsString(Api.handover(name, "financial-debt")));
            }
        }
        String token = DemoTokens.forUser("anna");
        URI target = URI.create((asFhir ? fhir : rest).toString());
        AtomicInteger failures = new AtomicInteger();
        double rate = Throughput.run(count, i -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", asFhir ? "application/fhir+json" : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != (asFhir ? 200 : 201)) {
                failures.incrementAndGet();
            }
            return null;
        });
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + (asFhir ? " FHIR" : " REST") + " creates failed");
        }
        return rate;
    }
}
