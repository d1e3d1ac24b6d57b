package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static nl.zorgpad.notification.ReferralEvents.EVA_ORG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxResourceTest {

    private static KafkaCompanion kafka;

    @TestHTTPResource("/api/inbox/stream")
    URI streamUri;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void connect() {
        kafka = ReferralEvents.companion();
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void inboxIsPagedNewestFirstAndFiltersUnread() {
        List<String> referrals = List.of(ReferralEvents.newReferralId(), ReferralEvents.newReferralId(),
                ReferralEvents.newReferralId());
        for (String referral : referrals) {
            ReferralEvents.send(kafka, "referral.requested", referral, EVA_ORG, ANNA_ORG);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.inboxReferrals("eva").containsAll(referrals));

        Api.as("eva").queryParam("page", 0).queryParam("size", 2).get("/api/inbox")
                .then().statusCode(200)
                .body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(3));

        String itemId = Api.inboxItemIds("eva", referrals.get(0)).get(0);
        Api.as("eva").post("/api/inbox/" + itemId + "/read")
                .then().statusCode(200).body("id", equalTo(itemId)).body("readAt", notNullValue());

        List<String> unread = Api.as("eva").queryParam("unread", true).queryParam("size", 100).get("/api/inbox")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(unread, not(hasItem(itemId)));
        assertThat(unread, hasItem(Api.inboxItemIds("eva", referrals.get(1)).get(0)));
        Api.as("eva").queryParam("size", 100).get("/api/inbox").then().statusCode(200)
                .body("items.find { it.id == '" + itemId + "' }.readAt", notNullValue())
                .body("items.find { it.referralId == '" + referrals.get(2) + "' }.readAt", nullValue());
    }

    @Test
    void anItemNamesTheFhirTaskItsEventCarriedAndNoneForAnOlderEvent() {
        String withTask = ReferralEvents.newReferralId();
        String older = ReferralEvents.newReferralId();
        ReferralEvents.sendWithTask(kafka, "referral.requested", withTask, EVA_ORG, ANNA_ORG);
        ReferralEvents.send(kafka, "referral.requested", older, EVA_ORG, ANNA_ORG);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Api.inboxReferrals("eva").containsAll(List.of(withTask, older)));

        Api.as("eva").queryParam("size", 100).get("/api/inbox").then().statusCode(200)
                .body("items.find { it.referralId == '" + withTask + "' }.fhirTask",
                        equalTo(ReferralEvents.fhirTask(withTask)))
                .body("items.find { it.referralId == '" + older + "' }", hasKey("fhirTask"))
                .body("items.find { it.referralId == '" + older + "' }.fhirTask", nullValue());
        String itemId = Api.inboxItemIds("eva", withTask).get(0);
        Api.as("eva").post("/api/inbox/" + itemId + "/read").then().statusCode(200)
                .body("fhirTask", equalTo(ReferralEvents.fhirTask(withTask)));
    }

    @Test
    void anOrganisationNeitherSeesNorReadsAnotherOrganisationsInbox() {
        String referral = ReferralEvents.newReferralId();
        ReferralEvents.send(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.inboxReferrals("daan").contains(referral));
        String daansItem = Api.inboxItemIds("daan", referral).get(0);

        assertThat(Api.inboxReferrals("eva"), not(hasItem(referral)));
        Api.as("eva").post("/api/inbox/" + daansItem + "/read")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not found"))
                .body("type", equalTo("https://zorgpad.nl/problems/not-found"));
        Api.as("daan").queryParam("size", 100).get("/api/inbox").then()
                .body("items.find { it.id == '" + daansItem + "' }.readAt", nullValue());
    }

    @Test
    void badPagingIsAProblemNotAnError() {
        Api.as("anna").queryParam("size", 0).get("/api/inbox")
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422)).body("errors.field", hasItem("size"));
        Api.as("anna").post("/api/inbox/not-a-uuid/read")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theStreamPushesANewItemToItsOrganisationOnly() throws JsonProcessingException {
        List<String> daanLines = new CopyOnWriteArrayList<>();
        List<String> evaLines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> daan = open(client, "daan", daanLines);
        CompletableFuture<HttpResponse<Stream<String>>> eva = open(client, "eva", evaLines);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> daanLines.contains("event:connected")
                    && evaLines.contains("event:connected"));

            String referral = ReferralEvents.newReferralId();
            ReferralEvents.sendWithTask(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);

            await().atMost(Duration.ofSeconds(10)).until(() -> daanLines.stream()
                    .anyMatch(line -> line.startsWith("data:") && line.contains(referral)));
            assertThat(daanLines, hasItem("event:inbox-item"));
            assertThat(pushedItem(daanLines, referral).get("fhirTask").asText(),
                    equalTo(ReferralEvents.fhirTask(referral)));

            // Items reach every stream in the order they were pushed: once eva has an item pushed after daan's,
            // daan's would have reached her before it.
            String evasReferral = ReferralEvents.newReferralId();
            ReferralEvents.send(kafka, "referral.requested", evasReferral, EVA_ORG, ANNA_ORG);
            await().atMost(Duration.ofSeconds(10)).until(() -> evaLines.stream()
                    .anyMatch(line -> line.startsWith("data:") && line.contains(evasReferral)));
            assertThat(evaLines.stream().filter(line -> line.contains(referral)).count(), equalTo(0L));
            JsonNode evasItem = pushedItem(evaLines, evasReferral);
            assertThat("an older event names no Task", evasItem.has("fhirTask") && evasItem.get("fhirTask").isNull(),
                    equalTo(true));
        } finally {
            daan.cancel(true);
            eva.cancel(true);
        }
    }

    /**
     * Another replica of notification-service consumed an event: its transaction writes the inbox item and announces
     * it (what EventIngestService does), here on a connection of its own. This replica's stream shows the item once
     * that transaction commits, and never an item whose transaction rolled back.
     */
    @Test
    void anItemCommittedByAnotherReplicaReachesThisReplicasStream() throws Exception {
        List<String> daanLines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> daan = open(HttpClient.newHttpClient(), "daan", daanLines);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> daanLines.contains("event:connected"));
            String rolledBack = ReferralEvents.newReferralId();
            String committed = ReferralEvents.newReferralId();

            asAnotherReplica(rolledBack, false);
            asAnotherReplica(committed, true);

            await().atMost(Duration.ofSeconds(10)).until(() -> daanLines.stream()
                    .anyMatch(line -> line.startsWith("data:") && line.contains(committed)));
            assertThat(daanLines.stream().filter(line -> line.contains(rolledBack)).count(), equalTo(0L));
        } finally {
            daan.cancel(true);
        }
    }

    private void asAnotherReplica(String referral, boolean commit) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_item (id, "
                    + "organisation_id, event_id, event_type, referral_id, created_at) "
                    + "VALUES (?, ?, ?, 'referral.requested', ?, now())");
                 PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('inbox_items', ?)")) {
                insert.setObject(1, id);
                insert.setString(2, DAAN_ORG);
                insert.setString(3, "replica-test-" + id);
                insert.setString(4, referral);
                insert.executeUpdate();
                notify.setString(1, """
                        {"id":"%s","organisationId":"%s","eventType":"referral.requested","referralId":"%s",
                         "createdAt":"%s"}""".formatted(id, DAAN_ORG, referral, Instant.now()));
                notify.executeQuery().close();
            }
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    /** The JSON of the item about {@code referral} pushed on a stream. */
    private static JsonNode pushedItem(List<String> lines, String referral) throws JsonProcessingException {
        String data = lines.stream().filter(line -> line.startsWith("data:") && line.contains(referral)).findFirst()
                .orElseThrow().substring("data:".length());
        return new ObjectMapper().readTree(data);
    }

    private CompletableFuture<HttpResponse<Stream<String>>> open(HttpClient client, String user,
                                                                  List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(streamUri)
                .header("Authorization", "Bearer " + DemoTokens.forUser(user))
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            if (r.statusCode() == 200) {
                r.body().forEach(line -> lines.add(line.replace("event: ", "event:")));
            } else {
                lines.add("status:" + r.statusCode());
            }
        });
        return response;
    }
}
