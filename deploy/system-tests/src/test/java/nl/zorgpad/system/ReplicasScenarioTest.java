package nl.zorgpad.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas of each service on one database, broker and realm, as two pods per Deployment run them: whichever
 * replica a request, a Kafka partition or a scheduled run lands on, the family's referral behaves as with one. "A" is
 * the system's first instance of a service, "B" the replica started here; both stop being two when the class ends.
 */
@ExtendWith(RunningSystem.class)
@Order(35)
class ReplicasScenarioTest {

    /** Part of the names of this class's families (and so of what the log test looks for). */
    static final String FAMILY = "Replica Family";

    private static final String TEAM = "partner-wijkteam-smallingerland";
    /**
     * Both referral-service replicas look for overdue referrals and run the retention job every second, so that
     * their runs overlap.
     */
    private static final Map<String, String> JOBS_EVERY_SECOND = Map.of("zorgpad.referral.overdue.interval", "1s",
            "zorgpad.referral.retention.cron", "* * * * * ?");
    private static final Pattern ERASED = Pattern.compile("Retention: erased the client details of (\\d+) referral");

    private static String pathwayA;
    private static String pathwayB;
    private static String referralA;
    private static String referralB;
    private static String notificationA;
    private static String notificationB;

    @BeforeAll
    static void secondReplicas() {
        // Starts and stops instances: only on the system the tests started.
        LocalSystem local = RunningSystem.system();
        local.stopService(ZorgpadService.REFERRAL);
        local.startService(ZorgpadService.REFERRAL, JOBS_EVERY_SECOND);
        referralB = RunningSystem.addReplica(ZorgpadService.REFERRAL, JOBS_EVERY_SECOND);
        pathwayB = RunningSystem.addReplica(ZorgpadService.PATHWAY, Map.of());
        notificationB = RunningSystem.addReplica(ZorgpadService.NOTIFICATION, Map.of());
        pathwayA = RunningSystem.url(ZorgpadService.PATHWAY);
        referralA = RunningSystem.url(ZorgpadService.REFERRAL);
        notificationA = RunningSystem.url(ZorgpadService.NOTIFICATION);
    }

    @AfterAll
    static void backToOne() {
        LocalSystem local = RunningSystem.system();
        for (ZorgpadService service : ZorgpadService.values()) {
            local.stopReplicas(service);
        }
        local.stopService(ZorgpadService.REFERRAL);
        local.startService(ZorgpadService.REFERRAL);
    }

    @Test
    void aReferralCreatedOnOneReplicaIsReadAcceptedAndReroutedOnTheOther() {
        String accepted = create(referralA, Families.drachtenFamily(FAMILY + " Accept"));
        // The ETag read from A is valid on B: the version lives in the shared database, not in a replica.
        String etagFromA = Api.at(referralA, "daan").get("/api/referrals/" + accepted).then().statusCode(200)
                .extract().header("ETag");
        Api.at(referralB, "daan").header("If-Match", etagFromA).body("{\"status\":\"accepted\"}")
                .post("/api/referrals/" + accepted + "/status").then().statusCode(200)
                .body("status", equalTo("accepted"));
        Api.at(referralA, "anna").get("/api/referrals/" + accepted).then().statusCode(200)
                .body("status", equalTo("accepted"));
        Api.at(referralB, "eva").get("/api/referrals/" + accepted).then().statusCode(404);

        // A young couple on Tiny and Leo's smoking route: the coach declines on B, the midwife re-routes on B.
        // Another family than theirs: their own referral was re-routed to the same nurse by an earlier scenario.
        String declined = Api.at(referralA, "anna")
                .body(Families.tinyAndLeo(Families.newBsn()).replace("Tiny de Jong", FAMILY + " Reroute"))
                .post("/api/referrals").then().statusCode(201)
                .body("handovers[0].partnerId", equalTo("partner-rookvrije-start"))
                .extract().path("handovers[0].referralId");
        Api.changeStatusAt(referralB, "rik", declined, """
                {"status":"rejected","reasonCode":"no-capacity","reasonText":"No coach free before the birth"}""");
        String rerouted = Api.at(referralB, "anna").body("{}").post("/api/referrals/" + declined + "/reroute")
                .then().statusCode(201)
                .body("handovers", hasSize(1))
                .body("handovers[0].partnerId", equalTo("partner-jgz-fryslan"))
                .body("handovers[0].previousReferralId", equalTo(declined))
                .extract().path("handovers[0].referralId");
        Api.at(referralA, "anna").get("/api/referrals/" + rerouted).then().statusCode(200)
                .body("status", equalTo("requested"));
        // A second re-route of the same referral is refused, on either replica.
        Api.at(referralA, "anna").body("{}").post("/api/referrals/" + declined + "/reroute").then().statusCode(409);
    }

    @Test
    void everyScreenShowsEveryNewItemWhicheverReplicaConsumedTheEvent() throws Exception {
        try (InboxStream onA = new InboxStream(notificationA, "daan");
             InboxStream onB = new InboxStream(notificationB, "daan")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> onA.isConnected() && onB.isConnected());
            long consumedByA = consumedReferralEvents(notificationA);
            long consumedByB = consumedReferralEvents(notificationB);
            // The two replicas share the topic's three partitions; new families until each replica took at least
            // one event (referral ids spread over the partitions), so both directions are shown.
            List<String> referrals = new ArrayList<>();
            for (int i = 0; i < 30 && !(consumedByBoth(consumedByA, consumedByB) && referrals.size() >= 4); i++) {
                referrals.add(create(referralA, Families.drachtenFamily(FAMILY + " Stream " + i)));
                await().atMost(Duration.ofSeconds(30)).until(() -> consumedReferralEvents(notificationA)
                        + consumedReferralEvents(notificationB) >= consumedByA + consumedByB + referrals.size());
            }
            assertTrue(consumedByBoth(consumedByA, consumedByB), "each replica consumed some of "
                    + referrals.size() + " events");
            await().atMost(Duration.ofSeconds(30)).until(() -> referrals.stream()
                    .allMatch(id -> onA.sawReferral(id) && onB.sawReferral(id)));
            for (String id : referrals) {
                assertEquals(1, inboxItems(notificationB, id, "referral.requested"), "one inbox item for " + id);
            }
        }
    }

    @Test
    void aPathwayPublishedOnOneReplicaRoutesOnTheOtherWithinASecond() {
        String resolve = """
                {"municipalityCode":"GM0090","signalTypes":["lifestyle"],"phase":"pregnancy",
                 "vulnerability":"vulnerable","clientAge":30,"urgency":"routine"}""";
        Api.at(pathwayB, "vera").body(resolve).post("/api/routes/resolve").then().statusCode(200)
                .body("results[0].status", equalTo("no-route"));
        String pathways = "/api/regions/region-zuidoost-friesland/pathways";
        String id = Api.at(pathwayA, "vera").body("""
                        {"signalType":"lifestyle","rules":[{"when":{},
                          "target":{"partnerId":"partner-jgz-fryslan","contactPointId":"prenataal"},
                          "instruction":"De JGZ bespreekt voeding en foliumzuur bij het prenatale huisbezoek.",
                          "responseTargetWorkingDays":{"routine":10,"urgent":3}}]}""")
                .post(pathways).then().statusCode(201).extract().path("id");
        Api.at(pathwayA, "vera").body("{\"effectiveFrom\":\"2026-01-01\"}")
                .post(pathways + "/" + id + "/versions/1/publish").then().statusCode(200);
        long published = System.nanoTime();
        // B learns of it by PostgreSQL NOTIFY, not by its 60-second refresh.
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() ->
                "routed".equals(Api.at(pathwayB, "vera").body(resolve).post("/api/routes/resolve").then()
                        .statusCode(200).extract().path("results[0].status")));
        System.out.printf("[replicas] pathway published on A routed on B after %d ms%n",
                (System.nanoTime() - published) / 1_000_000);
        Api.at(pathwayB, "vera").body(resolve).post("/api/routes/resolve").then().statusCode(200)
                .body("results[0].primary.partnerId", equalTo("partner-jgz-fryslan"))
                .body("results[0].primary.pathwayId", equalTo(id));
    }

    @Test
    void anOverdueReferralGetsOneNoticeAndOneWebhookWithBothReplicasRunningTheJobs() throws Exception {
        try (WebhookReceiver teamSystem = new WebhookReceiver()) {
            teamSystem.subscribe(DemoTokens.forUser("daan"), TEAM, "referral.requested", "referral.overdue");
            String referralId = create(referralB, Families.drachtenFamily(FAMILY + " Overdue"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> webhooks(teamSystem, referralId, "referral.requested") == 1);

            // Nobody answered in time: move the deadline into the past, as the calendar would.
            assertEquals(1, sql("UPDATE referral SET acknowledge_deadline = current_date - 3 WHERE id = '"
                    + referralId + "'"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> webhooks(teamSystem, referralId, "referral.overdue") >= 1);
            // Both replicas' jobs run every second; several more runs of each must not mark it again.
            Thread.sleep(5_000);
            assertEquals(1, webhooks(teamSystem, referralId, "referral.overdue"), "one overdue webhook");
            assertEquals(1, webhooks(teamSystem, referralId, "referral.requested"), "one requested webhook");
            for (String replica : List.of(notificationA, notificationB)) {
                assertEquals(1, inboxItems(replica, referralId, "referral.overdue"), "one overdue inbox item");
                Api.at(replica, "daan").queryParam("referralId", referralId).get("/api/deliveries").then()
                        .statusCode(200)
                        .body("items.findAll { it.channel == 'webhook' && it.eventType == 'referral.overdue' }",
                                hasSize(1))
                        .body("items.findAll { it.channel == 'webhook' }.status", everyItem(equalTo("delivered")));
            }
        }
    }

    @Test
    void aReferralPastItsRetentionIsErasedOnceWithBothReplicasRunningTheJob() throws Exception {
        String referralId = create(referralA, Families.drachtenFamily(FAMILY + " Retention"));
        Api.changeStatusAt(referralB, "anna", referralId, """
                {"status":"cancelled","reasonCode":"entered-in-error","reasonText":"Wrong family"}""");
        List<Path> logs = List.of(RunningSystem.logOf("referral-service"), RunningSystem.logOf("referral-service-2"));
        List<Integer> seen = new ArrayList<>();
        for (Path log : logs) {
            seen.add(Files.readAllLines(log, StandardCharsets.UTF_8).size());
        }

        // Closed longer ago than the 90 days its details are kept, as the calendar would make it.
        assertEquals(1, sql("UPDATE referral SET closed_at = now() - interval '91 days' WHERE id = '"
                + referralId + "'"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "retention".equals(erasedReason(referralId)));
        Thread.sleep(5_000); // more runs of both jobs, which must find nothing left to erase

        int erased = 0;
        for (int i = 0; i < logs.size(); i++) {
            List<String> lines = Files.readAllLines(logs.get(i), StandardCharsets.UTF_8);
            List<String> runs = lines.subList(seen.get(i), lines.size()).stream()
                    .filter(line -> ERASED.matcher(line).find()).toList();
            assertTrue(runs.size() >= 2, logs.get(i) + " ran the retention job again and again: " + runs.size());
            for (String run : runs) {
                Matcher count = ERASED.matcher(run);
                assertTrue(count.find());
                erased += Integer.parseInt(count.group(1));
            }
            assertTrue(lines.subList(seen.get(i), lines.size()).stream()
                    .noneMatch(line -> line.contains("ERROR") && line.contains("Retention")), logs.get(i).toString());
        }
        assertEquals(1, erased, "the two replicas' runs erased the referral once between them");
        Api.at(referralB, "anna").get("/api/referrals/" + referralId).then().statusCode(200)
                .body("client.name", nullValue());
    }

    private static int sql(String update) {
        try (Connection connection = RunningSystem.database("referral");
             Statement sql = connection.createStatement()) {
            return sql.executeUpdate(update);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String erasedReason(String referralId) throws SQLException {
        try (Connection connection = RunningSystem.database("referral");
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT details_erased_reason FROM referral WHERE id = '"
                     + referralId + "'")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static String create(String referralService, String family) {
        return Api.at(referralService, "anna").body(family).post("/api/referrals").then().statusCode(201)
                .body("handovers[0].partnerId", equalTo(TEAM))
                .extract().path("handovers[0].referralId");
    }

    /** The team's inbox items of one type for one referral (the newest hundred: this class's are among them). */
    private static long inboxItems(String notificationService, String referralId, String type) {
        List<Map<String, Object>> items = Api.at(notificationService, "daan").get("/api/inbox?size=100").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> referralId.equals(item.get("referralId"))
                && type.equals(item.get("eventType"))).count();
    }

    private static long webhooks(WebhookReceiver receiver, String referralId, String type) {
        return receiver.received().stream()
                .filter(r -> r.body().contains(referralId) && r.body().contains("\"" + type + "\"")).count();
    }

    private boolean consumedByBoth(long beforeA, long beforeB) {
        return consumedReferralEvents(notificationA) > beforeA && consumedReferralEvents(notificationB) > beforeB;
    }

    /** Records of referral-events this replica's Kafka consumer has taken so far (its own metrics). */
    private static long consumedReferralEvents(String notificationService) {
        String metrics = Metrics.scrape(notificationService);
        double[] consumed = Metrics.values(metrics,
                line -> line.startsWith("kafka_consumer_fetch_manager_records_consumed_total{")
                        && line.contains("client_id=\"kafka-consumer-referral-events\"")).toArray();
        assertTrue(consumed.length > 0, "the consumer's metrics of " + notificationService + ": "
                + metrics.lines().filter(l -> l.startsWith("kafka_consumer_fetch_manager_records")).toList());
        return (long) Arrays.stream(consumed).sum();
    }
}
