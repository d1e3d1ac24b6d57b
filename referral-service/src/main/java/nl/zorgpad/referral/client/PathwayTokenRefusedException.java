package nl.zorgpad.referral.client;

/**
 * pathway-service refused the service's own token (401), typically one that expired on its way. Not a failure of the
 * peer: the OIDC client filter fetches a fresh token for the next attempt, the call is retried, and the circuit
 * breaker does not count it.
 */
public class PathwayTokenRefusedException extends RuntimeException {

    public PathwayTokenRefusedException() {
        super("pathway-service refused the service token");
    }
}
