package nl.zorgpad.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stops while midwives refer: each create is a 503 problem the practice software may retry (with
 * Retry-After), never a 500, and nothing is half stored; the services report themselves not ready. When PostgreSQL
 * is back they are ready again by themselves, and a new referral goes all the way through the outbox relay and
 * notification-service's consumer to the district team's inbox.
 */
@ExtendWith(RunningSystem.class)
@Order(25)
class PostgresOutageScenarioTest {

    private static final int CREATES = 5;

    @Test
    void aStoppedDatabaseGivesRetryable503sStoresNothingAndTheServicesRecover() {
        LocalSystem local = RunningSystem.system();
        int before = referralTotal();
        local.stack().stopPostgres();
        try {
            for (int i = 0; i < CREATES; i++) {
                Api.referrals("anna").body(Families.drachtenFamily("Outage Family " + i)).post("/api/referrals")
                        .then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "30")
                        .body("type", equalTo("https://zorgpad.nl/problems/database-unavailable"));
            }
            for (ZorgpadService service : ZorgpadService.values()) {
                await(service.module() + " not ready").atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> readiness(service).statusCode(503).body("status", equalTo("DOWN")));
            }
        } finally {
            local.stack().startPostgres();
        }
        for (ZorgpadService service : ZorgpadService.values()) {
            await(service.module() + " ready again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> readiness(service).statusCode(200));
        }
        assertEquals(before, referralTotal(), "nothing stored while the database was down");

        String id = Api.referrals("anna").body(Families.drachtenFamily("After Outage Family")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        await("the referral reaches the team's inbox").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> Api.notifications("daan").get("/api/inbox").then()
                        .body("items.referralId", hasItem(id)));
    }

    private static int referralTotal() {
        return Api.referrals("anna").get("/api/referrals").then().statusCode(200).extract().path("total");
    }

    private static io.restassured.response.ValidatableResponse readiness(ZorgpadService service) {
        return given().baseUri(RunningSystem.url(service)).get("/q/health/ready").then();
    }
}
