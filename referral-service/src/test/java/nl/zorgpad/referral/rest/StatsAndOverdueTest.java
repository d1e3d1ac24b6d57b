package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.move;
import static nl.zorgpad.referral.support.Api.moveWithDetails;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.domain.DutchWorkingDays;
import nl.zorgpad.referral.service.OverdueJob;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.referral.support.PathwayStub;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatsAndOverdueTest {

    @Inject
    AgroalDataSource db;

    @Inject
    OverdueJob overdue;

    private static String create(String signal) {
        return as("anna").body(handover(uniqueName(), signal)).post("/api/referrals").then().statusCode(201)
                .extract().path("handovers[0].referralId");
    }

    @Test
    void statsCountTheRegionsReferralsAndShowEveryCountUnderFiveAsSuppressed() {
        // lifestyle and alcohol are routed only in region-heerenveen (wim's region) by the stub
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(create("lifestyle"));
        }
        create("alcohol");
        for (int i = 0; i < 2; i++) {
            moveWithDetails("eva", ids.get(i), "accepted").statusCode(200);
        }
        move("eva", ids.get(5), "rejected", "no-capacity", "Full", null).statusCode(200);
        String month = YearMonth.now(ZoneId.of("Europe/Amsterdam")).toString();
        as("wim").get("/api/stats").then().statusCode(200)
                .body("regionId", equalTo(PathwayStub.STATS_REGION))
                .body("total", equalTo(7))
                .body("bySignal.lifestyle", equalTo(6))
                .body("bySignal.alcohol", equalTo("<5"))
                .body("byMunicipality.GM0090", equalTo(7))
                .body("byPhase.pregnancy", equalTo(7))
                .body("byMonth.'" + month + "'", equalTo(7))
                .body("byStatus.requested", equalTo("<5"))
                .body("byStatus.accepted", equalTo("<5"))
                .body("byStatus.rejected", equalTo("<5"))
                .body("timeToAccept.count", equalTo("<5"))
                .body("timeToAccept.medianHours", nullValue())
                .body("rejectionReasons.no-capacity", equalTo("<5"))
                .body("outcomes.rejected", equalTo("<5"));
        // vera's region holds none of these
        as("vera").get("/api/stats").then().statusCode(200)
                .body("regionId", equalTo(PathwayStub.REGION))
                .body("bySignal", not(hasKey("lifestyle")))
                .body("bySignal", not(hasKey("alcohol")));
        // the stats carry no client detail at all
        as("wim").get("/api/stats").then().body(not(org.hamcrest.Matchers.containsString("Meriam")));
    }

    @Test
    void leadTimesAreShownFromFiveReferralsOn() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = create("alcohol");
            moveWithDetails("eva", id, "accepted").statusCode(200);
            ids.add(id);
        }
        as("wim").get("/api/stats").then().statusCode(200)
                .body("timeToAccept.count", org.hamcrest.Matchers.anyOf(equalTo(5), equalTo(6), equalTo(7)))
                .body("timeToAccept.medianHours", notNullValue())
                .body("timeToAccept.p90Hours", notNullValue());
    }

    @Test
    void onlyAVsvAdminGetsStats() {
        as("anna").get("/api/stats").then().statusCode(403);
        as("daan").get("/api/stats").then().statusCode(403);
        as("pim").get("/api/stats").then().statusCode(403);
    }

    @Test
    void aRequestedReferralPastItsDeadlineIsMarkedOverdueOnceThenRemindedPerWorkingDay() throws SQLException {
        String id = create("poverty-income");
        UUID uuid = UUID.fromString(id);
        String etag = as("daan").get("/api/referrals/" + id).then().extract().header("ETag");
        LocalDate deadline = LocalDate.parse(Db.text(db, "SELECT acknowledge_deadline::text FROM referral "
                + "WHERE id = ?", uuid));
        assertEquals(DutchWorkingDays.addWorkingDays(LocalDate.now(ZoneId.of("Europe/Amsterdam")), 5), deadline);
        String overdueEvents = "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? "
                + "AND type = 'referral.overdue'";

        overdue.runFor(deadline);
        assertEquals(0, Db.count(db, overdueEvents, uuid), "not overdue on the deadline itself");

        LocalDate dayAfter = DutchWorkingDays.addWorkingDays(deadline, 1);
        overdue.runFor(dayAfter);
        assertEquals(1, Db.count(db, overdueEvents, uuid));
        overdue.runFor(dayAfter);
        assertEquals(1, Db.count(db, overdueEvents, uuid), "one event per day, not per run");
        // the API judges overdue by the real date, not by this run's (DeadlineTest)

        LocalDate nextWorkingDay = DutchWorkingDays.addWorkingDays(dayAfter, 1);
        overdue.runFor(nextWorkingDay);
        assertEquals(2, Db.count(db, overdueEvents, uuid), "a reminder on the next working day");

        LocalDate saturday = nextWorkingDay;
        while (DutchWorkingDays.isWorkingDay(saturday)) {
            saturday = saturday.plusDays(1);
        }
        overdue.runFor(saturday);
        assertEquals(2, Db.count(db, overdueEvents, uuid),
                "no reminder on a day off");

        // marking overdue does not invalidate the partner's ETag; accepting ends the reminders
        as("daan").header("If-Match", etag).body(java.util.Map.of("status", "accepted"))
                .post("/api/referrals/" + id + "/status").then().statusCode(200).body("overdue", equalTo(false));
        overdue.runFor(DutchWorkingDays.addWorkingDays(saturday, 1));
        assertEquals(2, Db.count(db, overdueEvents, uuid));
    }

    /**
     * Two replicas whose jobs run at the same moment: the rows are taken FOR UPDATE, so the second run waits for the
     * first and then finds the referral already marked. The test holds the referral's row lock until both runs wait
     * for it, so they really overlap.
     */
    @Test
    void twoJobsRunningAtOnceMarkAReferralOverdueOnce() throws Exception {
        String id = create("poverty-income");
        UUID uuid = UUID.fromString(id);
        LocalDate deadline = LocalDate.parse(Db.text(db, "SELECT acknowledge_deadline::text FROM referral "
                + "WHERE id = ?", uuid));
        LocalDate dayAfter = DutchWorkingDays.addWorkingDays(deadline, 1);
        boolean bothWaited = Db.twoRunsAgainstAHeldReferral(db, uuid, () -> overdue.runFor(dayAfter));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? "
                + "AND type = 'referral.overdue'", uuid));
        assertTrue(bothWaited, "both runs were waiting for the referral's row at the same time");
    }
}
