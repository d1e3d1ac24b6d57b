package nl.zorgpad.notification.service;

/** The thing does not exist, or the caller's organisation may not see it (the same answer for both). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
