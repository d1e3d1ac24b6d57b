package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.createAsAnna;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.support.Db;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The access log is tamper-evident: someone with more rights than the application (here the owner role, which the
 * migrations run as) who changes or removes a record is named by the verification. Every test puts the log back.
 */
@QuarkusTest
class AccessLogChainTest {

    private static final String TEAM = "partner-wijkteam-smallingerland";

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerRole;

    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @Test
    void anUntouchedLogIsIntactAndItsHeadsAreTheLastRecords() {
        String id = createAsAnna("financial-debt");
        as("daan").get("/api/referrals/" + id).then().statusCode(200);
        String lastHash = Db.text(db, "SELECT hash FROM access_log WHERE organisation_id = ? "
                + "ORDER BY chain_seq DESC LIMIT 1", TEAM);

        as("pim").get("/api/access-log/verification").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("firstBroken", nullValue())
                .body("heads.find { it.organisationId == '" + TEAM + "' }.hash", equalTo(lastHash))
                .body("heads.organisationId", hasItem("practice-de-wieken"));
    }

    @Test
    void aChangedRecordIsNamed() throws SQLException {
        String id = createAsAnna("financial-debt");
        as("daan").get("/api/referrals/" + id).then().statusCode(200);
        long record = Db.count(db, "SELECT max(id) FROM access_log WHERE referral_id = ? AND user_id = 'daan'",
                UUID.fromString(id));

        asOwner("UPDATE access_log SET outcome = 'denied' WHERE id = " + record);
        try {
            as("pim").get("/api/access-log/verification").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBroken.id", equalTo((int) record))
                    .body("firstBroken.organisationId", equalTo(TEAM))
                    .body("firstBroken.problem", equalTo("changed"));
        } finally {
            asOwner("UPDATE access_log SET outcome = 'success' WHERE id = " + record);
        }
        as("pim").get("/api/access-log/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aPrivacyOfficerVerifiesOnlyTheChainsOfHerOrganisations() throws SQLException {
        String id = createAsAnna("financial-debt");
        as("daan").get("/api/referrals/" + id).then().statusCode(200);
        as("bea").body(handover(uniqueName(), "financial-debt")).post("/api/referrals").then().statusCode(201);
        long record = Db.count(db, "SELECT max(id) FROM access_log WHERE referral_id = ? AND user_id = 'daan'",
                UUID.fromString(id));

        asOwner("UPDATE access_log SET outcome = 'denied' WHERE id = " + record);
        try {
            as("noor").get("/api/access-log/verification").then().statusCode(200)
                    .body("intact", equalTo(true))
                    .body("firstBroken", nullValue())
                    .body("heads.organisationId", not(hasItem(TEAM)))
                    .body("heads.organisationId", hasItem("practice-het-anker"))
                    .body("recordsChecked", equalTo((int) Db.count(db, "SELECT count(*) FROM access_log "
                            + "WHERE organisation_id IN ('practice-het-anker', 'privacy-het-anker')")));
            as("pim").get("/api/access-log/verification").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBroken.id", equalTo((int) record));
        } finally {
            asOwner("UPDATE access_log SET outcome = 'success' WHERE id = " + record);
        }
    }

    @Test
    void aChangedApplicationRoleOrServiceIsNamed() throws SQLException {
        String id = createAsAnna("financial-debt");
        as("daan").get("/api/referrals/" + id).then().statusCode(200);
        long record = Db.count(db, "SELECT max(id) FROM access_log WHERE referral_id = ? AND user_id = 'daan'",
                UUID.fromString(id));
        assertEquals("district-team|zorgpad-demo|referral-service", Db.text(db, "SELECT role || '|' || application "
                + "|| '|' || service FROM access_log WHERE id = ?", record));

        for (String change : List.of("application = 'practice-software-demo'", "role = 'midwife'",
                "service = 'pathway-service'", "role = NULL, application = NULL, service = NULL")) {
            asOwner("UPDATE access_log SET " + change + " WHERE id = " + record);
            try {
                as("pim").get("/api/access-log/verification").then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstBroken.id", equalTo((int) record))
                        .body("firstBroken.problem", equalTo("changed"));
            } finally {
                asOwner("UPDATE access_log SET role = 'district-team', application = 'zorgpad-demo', "
                        + "service = 'referral-service' WHERE id = " + record);
            }
        }
        as("pim").get("/api/access-log/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aRecordWithoutApplicationRoleOrServiceIsHashedAsBeforeMigrationV8() throws SQLException {
        String organisation = "chain-v6-" + UUID.randomUUID();
        asOwner("INSERT INTO access_log (at, event, user_id, organisation_id, outcome) VALUES (now(), 'read', "
                + "'before-v8', '" + organisation + "', 'success')");
        // The digest of V6, written out: records hashed before V8 (which have none of the three) still verify.
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log r WHERE organisation_id = ? AND hash = "
                + "encode(sha256(convert_to(jsonb_build_array(r.id, to_char(r.at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), r.event, r.referral_id, r.client_bsn_pseudonym, "
                + "r.client_name_pseudonym, r.user_id, r.organisation_id, r.on_behalf_of, r.outcome, r.chain_seq, "
                + "r.prev_hash)::text, 'UTF8')), 'hex')", organisation));
    }

    @Test
    void aRemovedRecordIsNamedByTheOneAfterIt() throws SQLException {
        String id = createAsAnna("financial-debt");
        as("daan").get("/api/referrals/" + id).then().statusCode(200);
        as("daan").get("/api/referrals/" + id + "/history").then().statusCode(200);
        long removed = Db.count(db, "SELECT min(id) FROM access_log WHERE referral_id = ? AND user_id = 'daan'",
                UUID.fromString(id));
        long next = Db.count(db, "SELECT id FROM access_log WHERE organisation_id = ? AND chain_seq = "
                + "(SELECT chain_seq + 1 FROM access_log WHERE id = ?)", TEAM, removed);

        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerRole, ownerPassword);
             Statement statement = owner.createStatement()) {
            statement.execute("CREATE TEMP TABLE removed AS SELECT * FROM access_log WHERE id = " + removed);
            statement.execute("DELETE FROM access_log WHERE id = " + removed);
            try {
                as("pim").get("/api/access-log/verification").then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstBroken.id", equalTo((int) next))
                        .body("firstBroken.problem", equalTo("missing-before"));
            } finally {
                // Put it back as it was, past the trigger that would give it a new place in the chain.
                statement.execute("ALTER TABLE access_log DISABLE TRIGGER access_log_chain");
                statement.execute("INSERT INTO access_log SELECT * FROM removed");
                statement.execute("ALTER TABLE access_log ENABLE TRIGGER access_log_chain");
            }
        }
        as("pim").get("/api/access-log/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void theApplicationCannotChooseAChainPosition() throws SQLException {
        try (Connection app = db.getConnection(); PreparedStatement insert = app.prepareStatement(
                "INSERT INTO access_log (at, event, user_id, organisation_id, outcome, chain_seq, prev_hash, hash) "
                        + "VALUES (now(), 'read', 'forger', ?, 'success', 1, NULL, repeat('0', 64)) "
                        + "RETURNING chain_seq, hash")) {
            insert.setString(1, TEAM);
            try (ResultSet stored = insert.executeQuery()) {
                stored.next();
                long position = stored.getLong(1);
                assertEquals(Db.count(db, "SELECT max(chain_seq) FROM access_log WHERE organisation_id = ?", TEAM),
                        position, "the trigger appends it at the end of its chain");
                assertEquals(64, stored.getString(2).strip().length());
                assertEquals(false, stored.getString(2).equals("0".repeat(64)), "the trigger computes the hash");
            }
        }
        as("pim").get("/api/access-log/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void onlyAPrivacyOfficerMayVerify() {
        as("daan").get("/api/access-log/verification").then().statusCode(403);
        as("vera").get("/api/access-log/verification").then().statusCode(403);
    }

    private void asOwner(String sql) throws SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerRole, ownerPassword);
             Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }
}
