package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.createAsAnna;
import static nl.zorgpad.referral.support.Api.etag;
import static nl.zorgpad.referral.support.Api.move;
import static nl.zorgpad.referral.support.Api.moveWithDetails;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.referral.support.PathwayStub;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LifecycleTest {

    private static final String RECEIVER = "daan";
    private static final String REFERRER = "anna";

    /** How to reach each status from requested, by the receiver. */
    private static final Map<String, List<String>> PATH = Map.of(
            "requested", List.of(),
            "accepted", List.of("accepted"),
            "in-progress", List.of("accepted", "in-progress"),
            "on-hold", List.of("accepted", "on-hold"));

    /** Every legal transition and the party that makes it. */
    private static final List<String[]> TRANSITIONS = List.of(
            new String[] {"requested", "accepted", RECEIVER},
            new String[] {"requested", "rejected", RECEIVER},
            new String[] {"requested", "cancelled", REFERRER},
            new String[] {"accepted", "in-progress", RECEIVER},
            new String[] {"accepted", "on-hold", RECEIVER},
            new String[] {"accepted", "completed", RECEIVER},
            new String[] {"accepted", "failed", RECEIVER},
            new String[] {"accepted", "cancelled", REFERRER},
            new String[] {"in-progress", "on-hold", RECEIVER},
            new String[] {"in-progress", "completed", RECEIVER},
            new String[] {"in-progress", "failed", RECEIVER},
            new String[] {"in-progress", "cancelled", REFERRER},
            new String[] {"on-hold", "in-progress", RECEIVER},
            new String[] {"on-hold", "completed", RECEIVER},
            new String[] {"on-hold", "failed", RECEIVER},
            new String[] {"on-hold", "cancelled", REFERRER});

    @Inject
    AgroalDataSource db;

    private static String referralIn(String status) {
        String id = createAsAnna("financial-debt");
        for (String step : PATH.get(status)) {
            moveWithDetails(RECEIVER, id, step).statusCode(200);
        }
        return id;
    }

    @Test
    void everyTransitionIsRefusedToTheWrongPartyAndMadeByTheRightOne() {
        for (String[] t : TRANSITIONS) {
            String id = referralIn(t[0]);
            String wrong = t[2].equals(RECEIVER) ? REFERRER : RECEIVER;
            moveWithDetails(wrong, id, t[1]).statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://zorgpad.nl/problems/forbidden"))
                    .body("title", equalTo("Forbidden"))
                    .body("detail", containsString("cannot set " + t[1]));
            moveWithDetails(t[2], id, t[1]).statusCode(200).body("status", equalTo(t[1]));
            String event = "referral." + t[1];
            assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?",
                    UUID.fromString(id), event), t[0] + " -> " + t[1]);
        }
    }

    @Test
    void otherOrganisationsCannotMoveAReferralAndSeeA404() {
        String id = createAsAnna("financial-debt");
        String etag = etag(RECEIVER, id);
        as("eva").header("If-Match", etag).body(Map.of("status", "accepted"))
                .post("/api/referrals/" + id + "/status").then().statusCode(404);
        as("bea").header("If-Match", etag).body(Map.of("status", "cancelled", "reasonCode", "x", "reasonText", "y"))
                .post("/api/referrals/" + id + "/status").then().statusCode(404);
        as(RECEIVER).get("/api/referrals/" + id).then().body("status", equalTo("requested"));
    }

    @Test
    void anIllegalTransitionIs409NamingTheAllowedOnes() {
        String id = createAsAnna("financial-debt");
        moveWithDetails(RECEIVER, id, "completed").statusCode(409)
                .contentType("application/problem+json")
                .body("currentStatus", equalTo("requested"))
                .body("allowed", equalTo(List.of("accepted", "rejected")))
                .body("detail", containsString("accepted"));
        moveWithDetails(RECEIVER, id, "rejected").statusCode(200);
        moveWithDetails(RECEIVER, id, "accepted").statusCode(409).body("allowed", hasSize(0));
    }

    @Test
    void aStaleETagIs412AndAMissingOneIs428() {
        String id = createAsAnna("financial-debt");
        String old = etag(RECEIVER, id);
        moveWithDetails(RECEIVER, id, "accepted").statusCode(200);
        as(RECEIVER).header("If-Match", old).body(Map.of("status", "in-progress"))
                .post("/api/referrals/" + id + "/status").then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/stale"))
                .body("title", equalTo("Changed in the meantime"))
                .body("currentETag", equalTo(etag(RECEIVER, id)));
        as(RECEIVER).body(Map.of("status", "in-progress"))
                .post("/api/referrals/" + id + "/status").then().statusCode(428)
                .body("type", equalTo("https://zorgpad.nl/problems/precondition-required"))
                .body("title", equalTo("If-Match is required"));
        as(RECEIVER).get("/api/referrals/" + id).then().body("status", equalTo("accepted"));
    }

    @Test
    void theETagChangesWithEveryMove() {
        String id = createAsAnna("financial-debt");
        String before = etag(RECEIVER, id);
        String after = moveWithDetails(RECEIVER, id, "accepted").statusCode(200).extract().header("ETag");
        assertNotEquals(before, after);
        assertEquals(after, etag(RECEIVER, id));
    }

    @Test
    void reasonIsRequiredForRejectCancelHoldFailAndOutcomeForComplete() {
        String id = createAsAnna("financial-debt");
        move(RECEIVER, id, "rejected", null, null, null).statusCode(422)
                .body("errors.field", equalTo(List.of("reasonCode", "reasonText")));
        move(REFERRER, id, "cancelled", "no-longer-needed", null, null).statusCode(422)
                .body("errors.field", equalTo(List.of("reasonText")));
        moveWithDetails(RECEIVER, id, "accepted").statusCode(200);
        move(RECEIVER, id, "on-hold", null, "x", null).statusCode(422);
        move(RECEIVER, id, "failed", "x", null, null).statusCode(422);
        move(RECEIVER, id, "completed", null, null, null).statusCode(422)
                .body("errors.field", equalTo(List.of("outcome")));
        move(RECEIVER, id, "in-progress", null, null, "nonsense").statusCode(200);
        move(RECEIVER, id, "done", null, null, null).statusCode(422).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theHistoryShowsActorOrganisationTimeAndReason() {
        String id = createAsAnna("financial-debt");
        moveWithDetails(RECEIVER, id, "accepted").statusCode(200);
        moveWithDetails(RECEIVER, id, "in-progress").statusCode(200);
        move(RECEIVER, id, "on-hold", "family-abroad", "Family visiting relatives for three weeks", null)
                .statusCode(200);
        moveWithDetails(RECEIVER, id, "in-progress").statusCode(200);
        move(RECEIVER, id, "completed", null, null, "Debt counselling started").statusCode(200)
                .body("outcome", equalTo("Debt counselling started"))
                .body("firstContactAt", notNullValue())
                .body("closedAt", notNullValue());
        as(REFERRER).get("/api/referrals/" + id + "/history").then().statusCode(200)
                .body("toStatus", equalTo(List.of("requested", "accepted", "in-progress", "on-hold", "in-progress",
                        "completed")))
                .body("[0].actorUserId", equalTo("anna"))
                .body("[0].actorOrganisationId", equalTo("practice-de-wieken"))
                .body("[1].actorUserId", equalTo("daan"))
                .body("[1].actorOrganisationId", equalTo(PathwayStub.SMALLINGERLAND))
                .body("[3].fromStatus", equalTo("in-progress"))
                .body("[3].reasonCode", equalTo("family-abroad"))
                .body("[3].reasonText", equalTo("Family visiting relatives for three weeks"))
                .body("[5].outcome", equalTo("Debt counselling started"))
                .body("[5].at", notNullValue());
        as("bea").get("/api/referrals/" + id + "/history").then().statusCode(404);
    }

    @Test
    void afterARejectionTheReferrerHandsOverToTheNextAlternativeInOneCall() {
        String id = createAsAnna("financial-debt");
        move(RECEIVER, id, "rejected", "no-capacity", "Waiting list of eight weeks", null).statusCode(200);
        String next = as(REFERRER).body("{}").post("/api/referrals/" + id + "/reroute").then().statusCode(201)
                .header("Location", containsString("/api/referrals/"))
                .body("handovers[0].partnerId", equalTo(PathwayStub.OPSTERLAND))
                .body("handovers[0].previousReferralId", equalTo(id))
                .body("handovers[0].signalCodes", equalTo(List.of("financial-debt")))
                .extract().path("handovers[0].referralId");
        as("eva").get("/api/referrals/" + next).then().statusCode(200)
                .body("previousReferralId", equalTo(id))
                .body("client.name", notNullValue())
                .body("status", equalTo("requested"));
        as(REFERRER).body("{}").post("/api/referrals/" + id + "/reroute").then().statusCode(409)
                .body("existingReferralId", equalTo(next));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? "
                + "AND type = 'referral.requested' AND payload LIKE ?", UUID.fromString(next),
                "%\"previousReferralId\":\"" + id + "\"%"));
    }

    @Test
    void onlyARejectedReferralCanBeReRoutedAndOnlyByItsReferrer() {
        String id = createAsAnna("financial-debt");
        as(REFERRER).body("{}").post("/api/referrals/" + id + "/reroute").then().statusCode(409)
                .body("currentStatus", equalTo("requested"));
        as("bea").body("{}").post("/api/referrals/" + id + "/reroute").then().statusCode(404);
        as(RECEIVER).body("{}").post("/api/referrals/" + id + "/reroute").then().statusCode(403);
    }
}
