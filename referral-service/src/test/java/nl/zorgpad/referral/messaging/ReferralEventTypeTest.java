package nl.zorgpad.referral.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.zorgpad.referral.domain.ReferralStatus;
import org.junit.jupiter.api.Test;

/** Every status change is published (openapi's PublishedEventContractTest checks the types against asyncapi.yaml). */
class ReferralEventTypeTest {

    @Test
    void everyStatusHasItsOwnEvent() {
        for (ReferralStatus status : ReferralStatus.values()) {
            assertEquals("referral." + status.code(), ReferralEventType.forStatus(status).type());
        }
    }
}
