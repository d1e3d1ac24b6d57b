package nl.zorgpad.notification.delivery;

import java.util.UUID;
import nl.zorgpad.notification.domain.Delivery;

/** What a channel needs to make one attempt, copied out of the claiming transaction. */
public record DeliveryAttempt(UUID deliveryId, Delivery.Channel channel, String endpointKey, String target,
                              String secret, String eventId, String eventType, String referralId, String payload,
                              String partnerName) {

    /** The outcome of one attempt: a status code when the receiver answered, an error text otherwise. */
    public record Result(boolean delivered, Integer statusCode, String error) {
        public static Result ok(Integer statusCode) {
            return new Result(true, statusCode, null);
        }

        public static Result failed(Integer statusCode, String error) {
            return new Result(false, statusCode, error);
        }
    }
}
