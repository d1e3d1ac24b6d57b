package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.asPracticeSoftware;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.part;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static nl.zorgpad.referral.support.Api.unusedBsn;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.referral.service.RetentionJob;
import nl.zorgpad.referral.support.Db;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessLogTest {

    @Inject
    AgroalDataSource db;

    @Inject
    RetentionJob retention;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerRole;

    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @Test
    void theApplicationRoleCannotUpdateDeleteOrTruncateTheAccessLog() {
        as("anna").body(handover(uniqueName(), "financial-debt")).post("/api/referrals").then().statusCode(201);
        long rows = Db.count(db, "SELECT count(*) FROM access_log");
        assertTrue(rows > 0);
        SQLException update = assertThrows(SQLException.class,
                () -> Db.update(db, "UPDATE access_log SET user_id = 'someone-else'"));
        assertTrue(update.getMessage().contains("permission denied"), update.getMessage());
        SQLException delete = assertThrows(SQLException.class, () -> Db.update(db, "DELETE FROM access_log"));
        assertTrue(delete.getMessage().contains("permission denied"), delete.getMessage());
        SQLException truncate = assertThrows(SQLException.class, () -> Db.update(db, "TRUNCATE access_log"));
        assertTrue(truncate.getMessage().contains("permission denied"), truncate.getMessage());
        assertEquals(rows, Db.count(db, "SELECT count(*) FROM access_log"));
    }

    @Test
    void theRetentionJobPurgesRecordsOlderThanFiveYearsOnlyAndTheApplicationRoleStillCannotDelete()
            throws SQLException {
        String old = "purge-old-" + UUID.randomUUID();
        String young = "purge-young-" + UUID.randomUUID();
        // Old records can only come from the past; put them there as the owner role (the migration role).
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerRole, ownerPassword);
             // Each in a chain of its own (organisation = user here): a back-dated record appended to a real chain
             // would make the purge cut that chain in the middle, which real time never does.
             PreparedStatement insert = owner.prepareStatement("INSERT INTO access_log (at, event, user_id, "
                     + "organisation_id, outcome) VALUES (now() - CAST(? AS interval), 'read', ?, ?, 'success')")) {
            insert.setString(1, "5 years 1 day");
            insert.setString(2, old);
            insert.setString(3, old);
            insert.executeUpdate();
            insert.setString(1, "4 years 11 months");
            insert.setString(2, young);
            insert.setString(3, young);
            insert.executeUpdate();
        }
        SQLException delete = assertThrows(SQLException.class,
                () -> Db.update(db, "DELETE FROM access_log WHERE user_id = ?", old));
        assertTrue(delete.getMessage().contains("permission denied"), delete.getMessage());
        SQLException redefine = assertThrows(SQLException.class, () -> Db.update(db, "CREATE OR REPLACE FUNCTION "
                + "purge_access_log() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'SELECT 0::bigint'"));
        assertTrue(redefine.getMessage().contains("must be owner") || redefine.getMessage().contains("permission "
                + "denied"), redefine.getMessage());
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE user_id = ?", old));

        long purged = retention.purgeAccessLog();

        assertTrue(purged >= 1, "purged " + purged);
        assertEquals(0, Db.count(db, "SELECT count(*) FROM access_log WHERE user_id = ?", old));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE user_id = ?", young));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM access_log WHERE at < now() - interval '5 years'"));
        assertEquals(0, retention.purgeAccessLog(), "nothing left to purge");
    }

    @Test
    void thePrivacyOfficerSeesWhoSawAClientsDataByBsnByNameAndByReferral() {
        String name = uniqueName();
        Map<String, Object> body = handover(name, "financial-debt", "smoking");
        part(body, "client").put("bsn", "111222333");
        var created = as("anna").body(body).post("/api/referrals").then().statusCode(201).extract();
        String toSmallingerland = created.path("handovers[0].referralId");
        String toOpsterland = created.path("handovers[1].referralId");
        as("daan").get("/api/referrals/" + toSmallingerland).then().statusCode(200);
        as("eva").get("/api/referrals/" + toOpsterland).then().statusCode(200);
        as("eva").get("/api/referrals/" + toSmallingerland).then().statusCode(404);

        as("pim").queryParam("bsn", "111222333").get("/api/access-log").then().statusCode(200)
                .body("userId", hasItems("anna", "daan", "eva"))
                .body("findAll { it.userId == 'daan' }.event", equalTo(List.of("read")))
                .body("findAll { it.userId == 'daan' }.organisationId",
                        everyItem(equalTo("partner-wijkteam-smallingerland")))
                .body("findAll { it.userId == 'eva' }.outcome", hasItems("success", "denied"))
                .body("findAll { it.event == 'create' }", hasSize(2));
        as("pim").queryParam("name", name.toLowerCase()).queryParam("birthDate", "2001-03-04")
                .get("/api/access-log").then().statusCode(200)
                .body("findAll { it.event == 'create' }", hasSize(2));
        as("pim").queryParam("referralId", toOpsterland).get("/api/access-log").then().statusCode(200)
                .body("referralId", everyItem(equalTo(toOpsterland)))
                .body("userId", hasItems("anna", "eva"));
        as("pim").queryParam("bsn", "123456782").get("/api/access-log").then().statusCode(200)
                .body("findAll { it.referralId == '" + toOpsterland + "' }", hasSize(0));
    }

    @Test
    void aPrivacyOfficerSeesOnlyTheReferralsInWhichOneOfHerOrganisationsIsAParty() {
        String bsn = unusedBsn();
        Map<String, Object> annas = handover(uniqueName(), "financial-debt");
        part(annas, "client").put("bsn", bsn);
        String fromDeWieken = as("anna").body(annas).post("/api/referrals").then().statusCode(201).extract()
                .path("handovers[0].referralId");
        as("daan").get("/api/referrals/" + fromDeWieken).then().statusCode(200);
        String fromHetAnker = as("bea").body(handover(uniqueName(), "financial-debt")).post("/api/referrals").then()
                .statusCode(201).extract().path("handovers[0].referralId");

        // noor answers for Het Anker only: De Wieken's referral to Smallingerland is none of hers.
        as("noor").queryParam("bsn", bsn).get("/api/access-log").then().statusCode(200).body("size()", equalTo(0));
        as("noor").queryParam("referralId", fromDeWieken).get("/api/access-log").then().statusCode(200)
                .body("size()", equalTo(0));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM access_log WHERE user_id = 'noor' AND referral_id = ?",
                UUID.fromString(fromDeWieken)), "a search that shows nothing records nothing");
        as("pim").queryParam("referralId", fromDeWieken).get("/api/access-log").then().statusCode(200)
                .body("userId", hasItems("anna", "daan"));

        // Het Anker referred to Smallingerland: noor sees it as the referrer's, pim as the receiving partner's.
        as("noor").queryParam("referralId", fromHetAnker).get("/api/access-log").then().statusCode(200)
                .body("event", equalTo(List.of("create")))
                .body("[0].userId", equalTo("bea"))
                .body("[0].organisationId", equalTo("practice-het-anker"));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE user_id = 'noor' AND referral_id = ? "
                + "AND event = 'access-log-search' AND organisation_id = 'privacy-het-anker'",
                UUID.fromString(fromHetAnker)));
        as("pim").queryParam("referralId", fromHetAnker).get("/api/access-log").then().statusCode(200)
                .body("event", equalTo(List.of("create", "access-log-search")));
    }

    @Test
    void everyRecordNamesTheRoleTheApplicationAndTheService() {
        String bsn = unusedBsn();
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("bsn", bsn);
        String id = asPracticeSoftware().body(body).post("/api/referrals").then().statusCode(201).extract()
                .path("handovers[0].referralId");
        as("daan").get("/api/referrals/" + id).then().statusCode(200);
        as("pim").queryParam("bsn", bsn).get("/api/access-log").then().statusCode(200);

        as("pim").queryParam("referralId", id).get("/api/access-log").then().statusCode(200)
                .body("event", equalTo(List.of("create", "read", "access-log-search")))
                .body("userId", equalTo(List.of("service-account-practice-software-demo", "daan", "pim")))
                .body("role", equalTo(List.of("midwife", "district-team", "privacy-officer")))
                .body("application", equalTo(List.of("practice-software-demo", "zorgpad-demo", "zorgpad-demo")))
                .body("service", everyItem(equalTo("referral-service")));
    }

    @Test
    void aSearchByBsnIsItselfLoggedAndShowsInTheNextSearchButNotInItsOwnAnswer() {
        String bsn = unusedBsn();
        Map<String, Object> body = handover(uniqueName(), "financial-debt", "smoking");
        part(body, "client").put("bsn", bsn);
        var created = as("anna").body(body).post("/api/referrals").then().statusCode(201).extract();
        String toSmallingerland = created.path("handovers[0].referralId");
        String toOpsterland = created.path("handovers[1].referralId");

        as("pim").queryParam("bsn", bsn).get("/api/access-log").then().statusCode(200)
                .body("findAll { it.event == 'create' }", hasSize(2))
                .body("findAll { it.event == 'access-log-search' }", empty());

        assertEquals(1, searchesBy("pim", toSmallingerland));
        assertEquals(1, searchesBy("pim", toOpsterland));
        as("pim").queryParam("bsn", bsn).get("/api/access-log").then().statusCode(200)
                .body("findAll { it.event == 'access-log-search' }.referralId",
                        containsInAnyOrder(toSmallingerland, toOpsterland))
                .body("findAll { it.event == 'access-log-search' }.userId", everyItem(equalTo("pim")))
                .body("findAll { it.event == 'access-log-search' }.organisationId",
                        everyItem(equalTo("privacy-office")))
                .body("findAll { it.event == 'access-log-search' }.onBehalfOf", everyItem(equalTo("pim")))
                .body("findAll { it.event == 'access-log-search' }.outcome", everyItem(equalTo("success")));
        as("pim").queryParam("referralId", toOpsterland).get("/api/access-log").then().statusCode(200)
                .body("findAll { it.event == 'access-log-search' }", hasSize(2))
                .body("findAll { it.event == 'access-log-search' }.referralId", everyItem(equalTo(toOpsterland)))
                .body("findAll { it.event == 'access-log-search' }.userId", everyItem(equalTo("pim")));
        assertEquals(3, searchesBy("pim", toOpsterland), "the search by referral id is logged too");
        assertEquals(2, searchesBy("pim", toSmallingerland), "only for the referral that search found");
    }

    @Test
    void aSearchByNameAndBirthDateIsLoggedUnderTheClientsPseudonyms() {
        String name = uniqueName();
        String id = as("anna").body(handover(name, "financial-debt")).post("/api/referrals").then().statusCode(201)
                .extract().path("handovers[0].referralId");

        as("pim").queryParam("name", name).queryParam("birthDate", "2001-03-04").get("/api/access-log").then()
                .statusCode(200)
                .body("referralId", everyItem(equalTo(id)))
                .body("findAll { it.event == 'access-log-search' }", empty());

        as("pim").queryParam("referralId", id).get("/api/access-log").then().statusCode(200)
                .body("findAll { it.event == 'access-log-search' }", hasSize(1))
                .body("findAll { it.event == 'access-log-search' }.userId", equalTo(List.of("pim")))
                .body("findAll { it.event == 'access-log-search' }.organisationId",
                        equalTo(List.of("privacy-office")))
                .body("findAll { it.event == 'access-log-search' }.outcome", equalTo(List.of("success")));
        as("pim").queryParam("name", name.toUpperCase()).queryParam("birthDate", "2001-03-04")
                .get("/api/access-log").then().statusCode(200)
                .body("findAll { it.event == 'access-log-search' }.userId", equalTo(List.of("pim", "pim")));
        assertEquals(1, Db.count(db, "SELECT count(DISTINCT client_name_pseudonym) FROM access_log "
                + "WHERE referral_id = ? AND event IN ('create', 'access-log-search')", UUID.fromString(id)));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? "
                + "AND client_name_pseudonym IS NULL", UUID.fromString(id)));
    }

    @Test
    void aSearchAfterTheClientDetailsWereErasedIsStillFoundByBsn() {
        String bsn = unusedBsn();
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("bsn", bsn);
        String id = as("anna").body(body).post("/api/referrals").then().statusCode(201).extract()
                .path("handovers[0].referralId");
        as("anna").post("/api/referrals/" + id + "/consent-withdrawal").then().statusCode(200);
        as("daan").get("/api/referrals/" + id).then().statusCode(200);

        // The read came after the erasure: it no longer names the client, the two records before it still do.
        as("pim").queryParam("referralId", id).get("/api/access-log").then().statusCode(200)
                .body("event", equalTo(List.of("create", "consent-withdrawal", "read")));

        as("pim").queryParam("bsn", bsn).get("/api/access-log").then().statusCode(200)
                .body("event", equalTo(List.of("create", "consent-withdrawal", "access-log-search")))
                .body("[2].userId", equalTo("pim"))
                .body("[2].referralId", equalTo(id));
    }

    @Test
    void aSearchThatFindsNothingRecordsNothing() {
        long before = Db.count(db, "SELECT count(*) FROM access_log");

        as("pim").queryParam("bsn", unusedBsn()).get("/api/access-log").then().statusCode(200)
                .body("size()", equalTo(0));
        as("pim").queryParam("name", uniqueName()).queryParam("birthDate", "1990-01-01").get("/api/access-log")
                .then().statusCode(200).body("size()", equalTo(0));
        as("pim").queryParam("referralId", UUID.randomUUID()).get("/api/access-log").then().statusCode(200)
                .body("size()", equalTo(0));

        assertEquals(before, Db.count(db, "SELECT count(*) FROM access_log"));
    }

    private long searchesBy(String user, String referralId) {
        return Db.count(db, "SELECT count(*) FROM access_log WHERE event = 'access-log-search' AND user_id = ? "
                + "AND organisation_id = 'privacy-office' AND outcome = 'success' AND referral_id = ?", user,
                UUID.fromString(referralId));
    }

    @Test
    void onlyThePrivacyOfficerMayQueryAndOnlyWithAClient() {
        as("anna").queryParam("referralId", UUID.randomUUID()).get("/api/access-log").then().statusCode(403);
        as("vera").queryParam("referralId", UUID.randomUUID()).get("/api/access-log").then().statusCode(403);
        as("pim").get("/api/access-log").then().statusCode(422).contentType("application/problem+json");
        as("pim").queryParam("bsn", "123").get("/api/access-log").then().statusCode(422)
                .body("errors[0].field", equalTo("bsn"));
        as("pim").queryParam("name", "X").get("/api/access-log").then().statusCode(422);
    }
}
