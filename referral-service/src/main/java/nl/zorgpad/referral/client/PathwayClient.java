package nl.zorgpad.referral.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The fault-tolerant way to pathway-service: a short timeout, a few retries, a circuit breaker; a dead or failing
 * peer becomes a {@link PathwayUnavailableException} (answered as 503), never a hanging request or a 500. A refusal
 * of the request itself ({@link PathwayRejectedException}) passes through untouched. A refused service token
 * ({@link PathwayTokenRefusedException}) is retried with a fresh token and never opens the circuit: a token that
 * expired on its way says nothing about the peer's health.
 */
@ApplicationScoped
public class PathwayClient {

    private final PathwayApi api;
    private final SignalCatalogueApi catalogue;

    public PathwayClient(@RestClient PathwayApi api, @RestClient SignalCatalogueApi catalogue) {
        this.api = api;
        this.catalogue = catalogue;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = PathwayRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = {PathwayRejectedException.class, PathwayTokenRefusedException.class})
    @Fallback(fallbackMethod = "unavailable", skipOn = PathwayRejectedException.class)
    public ResolveResponse resolve(ResolveRequest request) {
        return api.resolve(request);
    }

    ResolveResponse unavailable(ResolveRequest request, Throwable cause) {
        throw new PathwayUnavailableException("pathway-service did not answer; nothing was stored", cause);
    }

    /** The national signal catalogue (the types of no region), in pathway-service's order. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = PathwayTokenRefusedException.class)
    @Fallback(fallbackMethod = "catalogueUnavailable")
    public List<SignalCatalogueApi.SignalType> nationalSignalTypes() {
        return catalogue.signalTypes().stream().filter(type -> type.regionId() == null).toList();
    }

    List<SignalCatalogueApi.SignalType> catalogueUnavailable(Throwable cause) {
        throw new PathwayUnavailableException("pathway-service did not answer with the signal catalogue", cause);
    }
}
