package nl.zorgpad.referral.client;

/**
 * pathway-service understood the request and refused it (4xx: an unknown signal type, dates outside the 1000-day
 * window, a place it does not know). Not a failure of the peer: never retried, never opens the circuit.
 */
public class PathwayRejectedException extends RuntimeException {

    private final int status;

    public PathwayRejectedException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
