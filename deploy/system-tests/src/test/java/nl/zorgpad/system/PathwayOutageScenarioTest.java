package nl.zorgpad.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** pathway-service down while a midwife refers: a clear 503, nothing stored; back up, the same referral goes through. */
@ExtendWith(RunningSystem.class)
@Order(10)
class PathwayOutageScenarioTest {

    private static final String BSN = Families.newBsn();

    @Test
    void aDeadPathwayServiceGives503AndStoresNothing() {
        LocalSystem local = RunningSystem.system();
        int before = Api.referrals("anna").get("/api/referrals").then().statusCode(200).extract().path("total");
        local.stopService(ZorgpadService.PATHWAY);
        try {
            Api.referrals("anna").body(Families.meriam(BSN)).post("/api/referrals").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("status", equalTo(503));
            int after = Api.referrals("anna").get("/api/referrals").then().statusCode(200).extract().path("total");
            assertEquals(before, after, "nothing stored while pathway-service was down");
        } finally {
            local.startService(ZorgpadService.PATHWAY);
        }
        // The circuit breaker lets calls through again after its delay.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                Api.referrals("anna").body(Families.meriam(BSN)).post("/api/referrals").then().statusCode(201));
    }
}
