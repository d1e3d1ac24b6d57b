package nl.zorgpad.notification.delivery;

import java.util.List;
import java.util.UUID;
import nl.zorgpad.notification.domain.Delivery;

/**
 * What a channel needs to make one attempt, copied out of the claiming transaction; {@code traceparent} is the trace
 * context the attempt continues, or null.
 */
public record DeliveryAttempt(UUID deliveryId, Delivery.Channel channel, String target, List<String> secrets,
                              String eventId, String eventType, String referralId, String payload,
                              String partnerName, String traceparent) {

    /** The outcome of one attempt: a status code when the receiver answered, an error text otherwise. */
    public record Result(boolean delivered, Integer statusCode, String error, boolean permanent) {
        public static Result ok(Integer statusCode) {
            return new Result(true, statusCode, null, false);
        }

        /** Worth trying again later. */
        public static Result failed(Integer statusCode, String error) {
            return new Result(false, statusCode, error, false);
        }

        /** Will not get better by waiting (webhook removed, URL refused): dead at once. */
        public static Result refused(String error) {
            return new Result(false, null, error, true);
        }
    }
}
