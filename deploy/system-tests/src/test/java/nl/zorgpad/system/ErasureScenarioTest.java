package nl.zorgpad.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.testing.TextSearch;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A family withdraws consent after her referral went through part of its lifecycle, with webhook deliveries, inbox
 * items and the access log all written: afterwards no text anyone typed about her is left in any table of any
 * of the three services' databases. Every free-text field carries a unique marker; every text, JSON and array column
 * of every table of the pathway, referral and notification databases is searched for it.
 */
@ExtendWith(RunningSystem.class)
@Order(4)
class ErasureScenarioTest {

    private static final String TEAM = "partner-wijkteam-smallingerland";

    @Test
    void afterConsentWithdrawalNoDatabaseHoldsWhatWasTypedAboutTheFamily() throws SQLException {
        RunningSystem.system(); // searches the databases of the system the tests started
        String marker = "Mrk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (WebhookReceiver teamSystem = new WebhookReceiver()) {
            teamSystem.subscribe(DemoTokens.forUser("daan"), TEAM, "referral.requested", "referral.accepted",
                    "referral.on-hold", "referral.in-progress", "referral.cancelled", "referral.consent-withdrawn");
            String id = Api.referrals("anna").body(markedReferral(marker)).post("/api/referrals").then()
                    .statusCode(201).extract().path("handovers[0].referralId");
            Api.changeStatus("daan", id, "{\"status\":\"accepted\"}");
            Api.changeStatus("daan", id, """
                    {"status":"on-hold","reasonCode":"waiting","reasonText":"Waiting until %s has moved"}"""
                    .formatted(marker));
            Api.changeStatus("daan", id, "{\"status\":\"in-progress\"}");
            assertFalse(columnsHolding(marker).isEmpty(), "the marker is stored before the withdrawal");

            Api.referrals("anna").post("/api/referrals/" + id + "/consent-withdrawal").then().statusCode(200);
            // notification-service has consumed every event of the referral, up to the last one
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Api.notifications("daan").get("/api/inbox")
                    .then().body("items.findAll { it.referralId == '" + id + "' }.eventType",
                            hasItem("referral.consent-withdrawn")));
            await().atMost(Duration.ofSeconds(60)).until(() -> teamSystem.received().stream()
                    .anyMatch(r -> r.body().contains(id) && r.body().contains("referral.consent-withdrawn")));

            assertEquals(List.of(), columnsHolding(marker));
        }
    }

    /** A Drachten family handed over for one signal, with the marker in every field a person types. */
    private static String markedReferral(String marker) {
        return Families.drachtenFamily("Erasure " + marker)
                .replace("\"literacyNote\":null", "\"literacyNote\":\"reads little, " + marker + "\"")
                .replace("\"preferredLanguage\":\"nl\"", "\"preferredLanguage\":\"nl " + marker + "\"")
                .replace("\"safeContact\":null", "\"safeContact\":{\"channels\":[\"text-message\"],"
                        + "\"noMessages\":true,\"note\":\"only text, " + marker + "\"}")
                .replace("\"note\":\"", "\"note\":\"" + marker + ", ")
                .replace("\"name\":\"Anna de Vries\"", "\"name\":\"Anna de Vries " + marker + "\"");
    }

    /** Every "database.table.column" of text, JSON or array type that holds the marker (case-insensitive). */
    private static List<String> columnsHolding(String marker) throws SQLException {
        List<String> holding = new ArrayList<>();
        int searched = 0;
        for (String database : List.of("pathway", "referral", "notification")) {
            try (Connection connection = RunningSystem.database(database)) {
                TextSearch.Result result = TextSearch.columnsHolding(connection, marker);
                searched += result.columnsSearched();
                result.columnsHolding().forEach(column -> holding.add(database + "." + column));
            }
        }
        assertTrue(searched > 50, "the search reaches the columns of all three databases: " + searched);
        return holding;
    }
}
