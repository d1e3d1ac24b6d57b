package nl.zorgpad.console.client;

/** A service did not answer (down, or too slow): the page says so and keeps what the user typed. */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " did not answer", cause);
    }
}
