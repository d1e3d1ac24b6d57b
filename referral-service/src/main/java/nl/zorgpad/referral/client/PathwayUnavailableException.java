package nl.zorgpad.referral.client;

/** pathway-service could not be reached or did not answer in time. */
public class PathwayUnavailableException extends RuntimeException {

    public PathwayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
