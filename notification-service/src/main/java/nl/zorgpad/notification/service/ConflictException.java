package nl.zorgpad.notification.service;

/** The request is valid but the current state does not allow it. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
