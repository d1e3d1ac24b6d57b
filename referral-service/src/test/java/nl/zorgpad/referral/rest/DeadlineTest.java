package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.createAsAnna;
import static nl.zorgpad.referral.support.Api.moveWithDetails;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.domain.DutchWorkingDays;
import nl.zorgpad.referral.support.Db;
import org.junit.jupiter.api.Test;

/**
 * The acknowledge deadline as a werkbak shows it: workingDaysLeft and overdue, judged on today in Europe/Amsterdam,
 * in the list and the detail view; and the list's order.
 */
@QuarkusTest
class DeadlineTest {

    @Inject
    AgroalDataSource db;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    }

    /** Working days after {@code deadline} up to and including {@code today}, day by day. */
    private static int workingDaysSince(LocalDate deadline, LocalDate today) {
        int days = 0;
        for (LocalDate day = deadline.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (DutchWorkingDays.isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }

    private void moveDeadline(String id, LocalDate deadline) throws SQLException {
        assertEquals(1, Db.update(db, "UPDATE referral SET acknowledge_deadline = ? WHERE id = ?", deadline,
                UUID.fromString(id)));
    }

    private static String inList(String id) {
        return "items.find { it.id == '" + id + "' }.";
    }

    @Test
    void aNewReferralHasTheWorkingDaysThePathwayAgreedLeft() {
        // the pathway stub agrees 5 working days for a routine handover
        String id = createAsAnna("poverty-income");
        as("daan").get("/api/referrals/" + id).then().statusCode(200)
                .body("workingDaysLeft", equalTo(5))
                .body("overdue", equalTo(false))
                .body("acknowledgeDeadline", equalTo(DutchWorkingDays.addWorkingDays(today(), 5).toString()));
        as("daan").get("/api/referrals?size=100").then().statusCode(200)
                .body(inList(id) + "workingDaysLeft", equalTo(5))
                .body(inList(id) + "overdue", equalTo(false));
        as("anna").get("/api/referrals/" + id).then().body("workingDaysLeft", equalTo(5));
    }

    @Test
    void onTheDeadlineItselfNoWorkingDaysAreLeftAndItIsNotOverdue() throws SQLException {
        String id = createAsAnna("poverty-income");
        moveDeadline(id, today());
        as("daan").get("/api/referrals/" + id).then().statusCode(200)
                .body("workingDaysLeft", equalTo(0))
                .body("overdue", equalTo(false));
        as("daan").get("/api/referrals?overdue=true&size=100").then().body("items.id", not(hasItem(id)));
        as("daan").get("/api/referrals?overdue=false&size=100").then()
                .body("items.id", hasItem(id))
                .body(inList(id) + "workingDaysLeft", equalTo(0));
    }

    @Test
    void pastItsDeadlineARequestedReferralIsOverdueByNegativeWorkingDays() throws SQLException {
        String id = createAsAnna("poverty-income");
        LocalDate deadline = today().minusDays(10);
        moveDeadline(id, deadline);
        int late = workingDaysSince(deadline, today());
        assertTrue(late > 0, "ten days hold a working day");
        as("daan").get("/api/referrals/" + id).then().statusCode(200)
                .body("workingDaysLeft", equalTo(-late))
                .body("overdue", equalTo(true));
        as("daan").get("/api/referrals?overdue=true&size=100").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body(inList(id) + "workingDaysLeft", equalTo(-late))
                .body(inList(id) + "overdue", equalTo(true));
        as("daan").get("/api/referrals?overdue=false&size=100").then().body("items.id", not(hasItem(id)));
        as("daan").get("/api/referrals/export?overdue=true").then().statusCode(200)
                .body(containsString(id));
    }

    @Test
    void anAcknowledgedReferralHasNoWorkingDaysLeftEvenPastItsDeadline() throws SQLException {
        String id = createAsAnna("poverty-income");
        moveDeadline(id, today().minusDays(10));
        moveWithDetails("daan", id, "accepted").statusCode(200)
                .body("$", hasKey("workingDaysLeft"))
                .body("workingDaysLeft", nullValue())
                .body("overdue", equalTo(false));
        as("daan").get("/api/referrals/" + id).then().statusCode(200)
                .body("workingDaysLeft", nullValue())
                .body("overdue", equalTo(false));
        as("daan").get("/api/referrals?size=100").then().statusCode(200)
                .body(inList(id) + "status", equalTo("accepted"))
                .body(inList(id) + "workingDaysLeft", nullValue());
        as("daan").get("/api/referrals?overdue=true&size=100").then().body("items.id", not(hasItem(id)));

        String rejected = createAsAnna("financial-debt");
        moveWithDetails("daan", rejected, "rejected").statusCode(200).body("workingDaysLeft", nullValue());
    }

    @Test
    void theListShowsTheNewestReferralsFirst() {
        String older = createAsAnna("psychological");
        String newer = createAsAnna("poverty-income");
        List<String> ids = as("daan").get("/api/referrals?size=100").then().statusCode(200)
                .extract().path("items.id");
        assertTrue(ids.indexOf(newer) >= 0 && ids.indexOf(older) >= 0, "both on the first page");
        assertThat(ids.indexOf(newer), lessThan(ids.indexOf(older)));
        List<String> created = as("daan").get("/api/referrals?size=100").then().extract().path("items.createdAt");
        List<Instant> times = new ArrayList<>(created.stream().map(Instant::parse).toList());
        List<Instant> newestFirst = new ArrayList<>(times);
        newestFirst.sort(Comparator.reverseOrder());
        assertEquals(newestFirst, times);
    }
}
