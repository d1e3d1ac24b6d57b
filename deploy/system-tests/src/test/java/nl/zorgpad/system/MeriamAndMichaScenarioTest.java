package nl.zorgpad.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Meriam and Micha (money, fear of depression, reading): the whole closed loop across the three services. Routes
 * come from the demo pathways; the district team's screen lights up live; the practice software gets every answer
 * as a signed webhook; the VSV's figures count it.
 */
@ExtendWith(RunningSystem.class)
@Order(1)
class MeriamAndMichaScenarioTest {

    @Test
    void warmHandoverGoesRoundTheClosedLoop() throws Exception {
        try (WebhookReceiver practiceSoftware = new WebhookReceiver();
             InboxStream daansScreen = new InboxStream("daan")) {
            // The practice software registers its callback with its own client-credentials token.
            practiceSoftware.subscribe(DemoTokens.forClient("practice-software-demo"), "practice-de-wieken",
                    "referral.accepted", "referral.in-progress", "referral.completed");
            await().atMost(Duration.ofSeconds(30)).until(daansScreen::isConnected);

            String referralId = Api.referrals("anna").body(Families.meriam(Families.MERIAM_BSN))
                    .post("/api/referrals").then().statusCode(201)
                    .header("Location", notNullValue())
                    .body("handovers", hasSize(1))
                    .body("handovers[0].partnerId", equalTo("partner-wijkteam-smallingerland"))
                    .body("handovers[0].signalCodes",
                            containsInAnyOrder("financial-debt", "psychological", "low-literacy"))
                    .body("handovers[0].pathwayId", notNullValue())
                    .body("handovers[0].acknowledgeDeadline", notNullValue())
                    .body("gaps", empty())
                    .extract().path("handovers[0].referralId");

            await().atMost(Duration.ofSeconds(30)).until(() -> daansScreen.sawReferral(referralId));
            Api.notifications("daan").get("/api/inbox").then().statusCode(200)
                    .body("items.referralId", hasItem(referralId));

            Api.changeStatus("daan", referralId, "{\"status\":\"accepted\"}");
            Api.changeStatus("daan", referralId, "{\"status\":\"in-progress\"}");
            Api.changeStatus("daan", referralId,
                    "{\"status\":\"completed\",\"outcome\":\"Child package arranged; joint home visits planned\"}");

            await().atMost(Duration.ofSeconds(60)).until(() -> callbacksFor(practiceSoftware, referralId).size() == 3);
            List<WebhookReceiver.Received> callbacks = callbacksFor(practiceSoftware, referralId);
            assertTrue(callbacks.stream().allMatch(WebhookReceiver.Received::signatureValid), "every callback is signed");
            for (String type : List.of("referral.accepted", "referral.in-progress", "referral.completed")) {
                assertEquals(1, callbacks.stream().filter(c -> c.body().contains("\"" + type + "\"")).count(), type);
            }
            for (WebhookReceiver.Received callback : callbacks) {
                PublishedEvents.assertWebhookEvent(callback.body());
                assertFalse(callback.body().contains("Meriam"), "no client name in a webhook");
                assertFalse(callback.body().contains(Families.MERIAM_BSN), "no BSN in a webhook");
            }

            Api.referrals("anna").get("/api/referrals/" + referralId + "/history").then().statusCode(200)
                    .body("toStatus", hasItem("completed"));
            Api.referrals("vera").get("/api/stats").then().statusCode(200)
                    .body("regionId", equalTo("region-zuidoost-friesland"))
                    .body("bySignal", hasKey("financial-debt"))
                    .body("byStatus", hasKey("completed"));
            Api.referrals("wim").get("/api/stats").then().statusCode(200)
                    .body("bySignal", not(hasKey("financial-debt")));
        }
    }

    private static List<WebhookReceiver.Received> callbacksFor(WebhookReceiver receiver, String referralId) {
        return receiver.received().stream().filter(r -> r.body().contains(referralId)).toList();
    }
}
