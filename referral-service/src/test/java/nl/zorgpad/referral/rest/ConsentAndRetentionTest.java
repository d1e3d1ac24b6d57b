package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.createAsAnna;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.moveWithDetails;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.service.RetentionJob;
import nl.zorgpad.referral.support.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentAndRetentionTest {

    private static final String DETAILS = "SELECT concat_ws('|', client::text, signals::text, consent::text, "
            + "referrer::text, client_bsn_pseudonym, client_name_pseudonym) FROM referral WHERE id = ?";

    @Inject
    AgroalDataSource db;

    @Inject
    RetentionJob retention;

    @Test
    void withdrawingConsentCancelsErasesDetailsAndTellsThePartner() {
        String name = uniqueName();
        String id = as("anna").body(handover(name, "financial-debt")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        UUID uuid = UUID.fromString(id);
        as("anna").post("/api/referrals/" + id + "/consent-withdrawal").then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("reasonCode", equalTo("consent-withdrawn"))
                .body("detailsErased", equalTo(true))
                .body("client", nullValue())
                .body("signals", nullValue())
                .body("signalCodes", equalTo(List.of("financial-debt")));
        assertEquals("", Db.text(db, DETAILS, uuid));
        assertEquals("financial-debt", Db.text(db, "SELECT array_to_string(signal_codes, ',') FROM referral "
                + "WHERE id = ?", uuid));
        assertNotNull(Db.text(db, "SELECT created_at::text FROM referral WHERE id = ?", uuid));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? "
                + "AND type = 'referral.consent-withdrawn' AND payload LIKE '%\"status\":\"cancelled\"%'", uuid));
        as("daan").get("/api/referrals/" + id).then().statusCode(200)
                .body("client", nullValue()).body("status", equalTo("cancelled"));
        // repeating it changes nothing and sends nothing new
        as("anna").post("/api/referrals/" + id + "/consent-withdrawal").then().statusCode(200);
        assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? "
                + "AND type = 'referral.consent-withdrawn'", uuid));
        // the same client may be referred again later without a duplicate conflict
        as("anna").body(handover(name, "financial-debt")).post("/api/referrals").then().statusCode(201);
    }

    @Test
    void theReceivingTeamMayRecordAWithdrawalButAnotherOrganisationMayNot() {
        String id = createAsAnna("financial-debt");
        as("eva").post("/api/referrals/" + id + "/consent-withdrawal").then().statusCode(404);
        moveWithDetails("daan", id, "accepted").statusCode(200);
        as("daan").post("/api/referrals/" + id + "/consent-withdrawal").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("client", nullValue());
    }

    @Test
    void retentionRemovesPublishedOutboxRowsAfterAWeekButNeverUnpublishedOnes() throws SQLException {
        UUID oldSent = UUID.randomUUID();
        UUID recentSent = UUID.randomUUID();
        UUID oldUnsent = UUID.randomUUID();
        String insert = "INSERT INTO outbox_event (id, aggregate_id, type, payload, created_at, sent_at) "
                + "VALUES (?, ?, 'referral.requested', '{}', now() - interval '30 days', ";
        Db.update(db, insert + "now() - interval '8 days')", oldSent, UUID.randomUUID());
        Db.update(db, insert + "now() - interval '6 days')", recentSent, UUID.randomUUID());
        // Stays unpublished for the test: the relay would otherwise publish it at once.
        Db.update(db, insert + "NULL)", oldUnsent, UUID.randomUUID());
        Db.update(db, "UPDATE outbox_event SET sent_at = NULL, created_at = now() - interval '30 days' WHERE id = ?",
                oldUnsent);

        retention.runAt(Instant.now());

        assertEquals(0, Db.count(db, "SELECT count(*) FROM outbox_event WHERE id = ?", oldSent));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox_event WHERE id = ?", recentSent));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox_event WHERE id = ?", oldUnsent));
    }

    @Test
    void retentionErasesDetailsOfReferralsClosedLongerAgoThanThePeriodOnly() throws SQLException {
        String old = createAsAnna("financial-debt");
        String recent = createAsAnna("financial-debt");
        String open = createAsAnna("financial-debt");
        moveWithDetails("daan", old, "rejected").statusCode(200);
        moveWithDetails("anna", recent, "cancelled").statusCode(200);
        Db.update(db, "UPDATE referral SET closed_at = now() - interval '91 days', "
                + "created_at = now() - interval '100 days' WHERE id = ?", UUID.fromString(old));
        Db.update(db, "UPDATE referral SET created_at = now() - interval '200 days' WHERE id = ?",
                UUID.fromString(open));
        int erased = retention.runAt(Instant.now());
        assertEquals(true, erased >= 1);
        assertEquals("", Db.text(db, DETAILS, UUID.fromString(old)));
        assertEquals("retention", Db.text(db, "SELECT details_erased_reason FROM referral WHERE id = ?",
                UUID.fromString(old)));
        assertEquals("rejected", Db.text(db, "SELECT status FROM referral WHERE id = ?", UUID.fromString(old)));
        assertNull(Db.text(db, "SELECT details_erased_at::text FROM referral WHERE id = ?", UUID.fromString(recent)));
        assertNull(Db.text(db, "SELECT details_erased_at::text FROM referral WHERE id = ?", UUID.fromString(open)));
        as("anna").get("/api/referrals/" + recent).then().body("client.name", org.hamcrest.Matchers.notNullValue());
        as("anna").get("/api/referrals/" + old).then().statusCode(200).body("client", nullValue())
                .body("detailsErased", equalTo(true));
        // the access log of the erased referral is kept
        assertEquals(true, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ?",
                UUID.fromString(old)) >= 2);
    }

    @Test
    void twoRetentionRunsAtOnceBothFinishAndEraseTheReferral() throws Exception {
        String id = createAsAnna("financial-debt");
        UUID uuid = UUID.fromString(id);
        moveWithDetails("daan", id, "rejected").statusCode(200);
        Db.update(db, "UPDATE referral SET closed_at = now() - interval '91 days' WHERE id = ?", uuid);

        // Two replicas' runs at once; unlocked, the later one failed at commit on the version check and rolled back
        // every other erasure of its run with it.
        boolean bothWaited = Db.twoRunsAgainstAHeldReferral(db, uuid, () -> retention.runAt(Instant.now()));

        assertEquals("", Db.text(db, DETAILS, uuid));
        assertTrue(bothWaited, "both runs were waiting for the referral's row at the same time");
    }
}
