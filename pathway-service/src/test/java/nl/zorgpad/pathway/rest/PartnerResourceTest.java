package nl.zorgpad.pathway.rest;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import nl.zorgpad.pathway.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerResourceTest {

    private static final String PARTNERS = "/api/regions/" + VERA_REGION + "/partners";

    @BeforeEach
    void data() {
        Fixtures.regions();
    }

    @Test
    void createReadAndListAPartner() {
        as("vera").body(Fixtures.partnerBody("pr-jgz", "JGZ Fryslân", "youth-health-care",
                        List.of("GM0090", "GM0086"), "open"))
                .post(PARTNERS).then().statusCode(201)
                .header("Location", endsWith(PARTNERS + "/pr-jgz"))
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo("pr-jgz"))
                .body("regionId", equalTo(VERA_REGION))
                .body("kind", equalTo("youth-health-care"))
                .body("contactPoints[0].email", equalTo("intake@example.org"))
                .body("municipalities", hasItems("GM0090", "GM0086"))
                .body("capacityStatus", equalTo("open"))
                .body("capacityConfirmedAt", notNullValue())
                .body("active", equalTo(true));
        as("vera").get(PARTNERS + "/pr-jgz").then().statusCode(200).body("name", equalTo("JGZ Fryslân"));
        as("vera").get(PARTNERS).then().statusCode(200).body("id", hasItem("pr-jgz"));
        as("vera").body(Fixtures.partnerBody("pr-jgz", "Again", "other", List.of(), "open"))
                .post(PARTNERS).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/conflict")).body("title", equalTo("Conflict"));
    }

    @Test
    void invalidPartnersAreRefusedWithFieldErrors() {
        as("vera").body(Map.of("id", "pr-bad", "kind", "witch-doctor", "contactPoints", List.of(),
                        "capacity", Map.of("status", "open")))
                .post(PARTNERS).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "kind", "contactPoints"));
        as("vera").body(Fixtures.partnerBody("pr-far", "Far away", "other", List.of("GM0363"), "open"))
                .post(PARTNERS).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/validation"))
                .body("title", equalTo("The request is not valid"))
                .body("errors[0].field", equalTo("municipalities[0]"))
                .body("errors[0].message", containsString("not a municipality of region"));
    }

    @Test
    void updatesNeedTheCurrentETagWhenOneIsSent() {
        Fixtures.partner("pr-update", "other", List.of(), "open");
        String etag = as("vera").get(PARTNERS + "/pr-update").then().statusCode(200).extract().header("ETag");
        as("vera").header("If-Match", etag)
                .body(Fixtures.partnerBody("pr-update", "Renamed", "other", List.of("GM0085"), "open"))
                .put(PARTNERS + "/pr-update").then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("municipalities", hasItem("GM0085"));
        String current = as("vera").get(PARTNERS + "/pr-update").then().extract().header("ETag");
        as("vera").header("If-Match", etag)
                .body(Fixtures.partnerBody("pr-update", "Lost update", "other", List.of(), "open"))
                .put(PARTNERS + "/pr-update").then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/stale"))
                .body("title", equalTo("Changed in the meantime"))
                .body("currentETag", equalTo(current));
        as("vera").header("If-Match", "not-an-etag")
                .body(Fixtures.partnerBody("pr-update", "Lost update", "other", List.of(), "open"))
                .put(PARTNERS + "/pr-update").then().statusCode(412)
                .body("type", equalTo("https://zorgpad.nl/problems/stale"));
        as("vera").get(PARTNERS + "/pr-update").then().body("name", equalTo("Renamed"));
        as("vera").get(PARTNERS + "/pr-nope").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/not-found")).body("title", equalTo("Not found"));
    }

    @Test
    void confirmingCapacityRecordsTheWaitlist() {
        Fixtures.partner("pr-capacity", "other", List.of(), "open");
        as("vera").body(Map.of("status", "waitlist", "waitlistWeeks", 4))
                .put(PARTNERS + "/pr-capacity/capacity").then().statusCode(200)
                .body("capacityStatus", equalTo("waitlist"))
                .body("waitlistWeeks", equalTo(4));
        as("vera").body(Map.of("status", "closed", "waitlistWeeks", 4))
                .put(PARTNERS + "/pr-capacity/capacity").then().statusCode(200)
                .body("capacityStatus", equalTo("closed"))
                .body("waitlistWeeks", nullValue());
        as("vera").body(Map.of("status", "maybe"))
                .put(PARTNERS + "/pr-capacity/capacity").then().statusCode(422)
                .body("errors.field", hasItem("status"));
    }
}
