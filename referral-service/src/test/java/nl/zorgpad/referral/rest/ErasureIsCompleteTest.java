package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.move;
import static nl.zorgpad.referral.support.Api.part;
import static nl.zorgpad.referral.support.Api.safeContact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.referral.service.RetentionJob;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.stack.testing.TextSearch;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * After consent withdrawal and after retention, nothing a person typed about the family is left anywhere in the
 * database: every free-text field of a referral and of its lifecycle carries a unique marker, and every text, JSON
 * and array column of every table is searched for it. (deploy/system-tests searches the other services' databases.)
 */
@QuarkusTest
class ErasureIsCompleteTest {

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
    void consentWithdrawalLeavesNoTypedTextBehind() throws SQLException {
        String marker = marker();
        String id = create(marker);
        move("daan", id, "accepted", null, null, null).statusCode(200);
        move("daan", id, "on-hold", "waiting", "Waiting until " + marker + " has moved", null).statusCode(200);
        move("daan", id, "in-progress", null, null, null).statusCode(200);
        assertTrue(!columnsHolding(marker).isEmpty(), "the marker is stored before the withdrawal");

        as("anna").post("/api/referrals/" + id + "/consent-withdrawal").then().statusCode(200);

        assertEquals(List.of(), columnsHolding(marker));
    }

    @Test
    void retentionLeavesNoTypedTextBehind() throws SQLException {
        String marker = marker();
        String completed = create(marker);
        move("daan", completed, "accepted", null, null, null).statusCode(200);
        move("daan", completed, "in-progress", null, null, null).statusCode(200);
        move("daan", completed, "completed", null, null, "Plan made with " + marker).statusCode(200);
        String rejected = create(marker);
        move("daan", rejected, "rejected", "no-capacity", "No room for " + marker, null).statusCode(200);
        assertTrue(!columnsHolding(marker).isEmpty(), "the marker is stored before retention");
        for (String id : List.of(completed, rejected)) {
            Db.update(db, "UPDATE referral SET closed_at = now() - interval '91 days' WHERE id = ?",
                    UUID.fromString(id));
        }

        retention.runAt(Instant.now());

        assertEquals(List.of(), columnsHolding(marker));
    }

    private static String marker() {
        return "Mrk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A handover whose every free-text field holds the marker. */
    private static String create(String marker) {
        Map<String, Object> body = handover(marker + " de Vries", "financial-debt");
        Map<String, Object> client = part(body, "client");
        client.put("email", marker.toLowerCase() + "@example.org");
        client.put("preferredLanguage", "nl " + marker);
        client.put("literacyNote", "reads little, " + marker);
        client.put("safeContact", safeContact("only call, " + marker));
        part(body, "referrer").put("name", "Midwife " + marker);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> signals = (List<Map<String, Object>>) body.get("signals");
        signals.get(0).put("note", "rent arrears, " + marker);
        return as("anna").body(body).post("/api/referrals").then().statusCode(201)
                .extract().path("handovers[0].referralId");
    }

    /** Every "table.column" of text, JSON or array type in which the marker occurs (case-insensitive). */
    private List<String> columnsHolding(String marker) throws SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerRole, ownerPassword)) {
            TextSearch.Result result = TextSearch.columnsHolding(owner, marker);
            assertTrue(result.columnsSearched() > 20, "the search reaches the columns: " + result.columnsSearched());
            return result.columnsHolding();
        }
    }
}
