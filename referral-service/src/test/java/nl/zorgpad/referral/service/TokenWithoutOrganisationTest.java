package nl.zorgpad.referral.service;

import static nl.zorgpad.referral.support.Api.createAsAnna;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.referral.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A token with the right role but no {@code org_id} belongs to nobody whose referrals could be shown: every use case
 * that needs the organisation refuses it with 403 (it used to act for the organisation "" and answer an empty list).
 * The demo realm has no such user, so the use cases are called with such a caller directly.
 */
@QuarkusTest
class TokenWithoutOrganisationTest {

    private static final Caller MIDWIFE = new Caller("nobody", Optional.empty(), Set.of(Roles.MIDWIFE), "nobody");
    private static final Caller DISTRICT_TEAM = new Caller("nobody", Optional.empty(), Set.of(Roles.DISTRICT_TEAM),
            "nobody");

    @Inject
    ReferralQueries queries;

    @Inject
    ReferralLifecycle lifecycle;

    @Inject
    StatsService stats;

    @Inject
    AccessLogQuery accessLog;

    @Inject
    AccessLogVerification verification;

    @Inject
    AgroalDataSource db;

    private static void assertForbidden(Executable call) {
        ProblemException refused = assertThrows(ProblemException.class, call);
        assertEquals(403, refused.problem().status());
        assertEquals("https://zorgpad.nl/problems/forbidden", refused.problem().type().toString());
    }

    @Test
    void aListOrExportWithoutOrganisationIsRefusedNotEmpty() {
        assertForbidden(() -> queries.list(MIDWIFE, new ReferralQueries.ListFilter(null, null, null, null, null,
                ReferralQueries.Narrowing.NONE, 0, 20)));
        assertForbidden(() -> queries.list(DISTRICT_TEAM, new ReferralQueries.ListFilter(null, null, null, null,
                null, ReferralQueries.Narrowing.NONE, 0, 20)));
        assertForbidden(() -> queries.export(MIDWIFE, new ReferralQueries.ExportFilter(null, null, null, null,
                null)));
    }

    @Test
    void anExistingReferralIsRefusedWithoutOrganisationAndNoAccessIsRecorded() {
        UUID id = UUID.fromString(createAsAnna("financial-debt"));
        assertForbidden(() -> queries.get(DISTRICT_TEAM, id));
        assertForbidden(() -> queries.history(MIDWIFE, id));
        assertForbidden(() -> lifecycle.withdrawConsent(MIDWIFE, id));
        assertForbidden(() -> lifecycle.reroute(MIDWIFE, id, null));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND user_id = 'nobody'",
                id));
    }

    @Test
    void statsAndTheAccessLogNeedTheCallersOrganisation() {
        assertForbidden(() -> stats.forRegion(new Caller("nobody", Optional.empty(), Set.of(Roles.VSV_ADMIN),
                "nobody"), null, null));
        assertForbidden(() -> accessLog.find(new Caller("nobody", Optional.empty(), Set.of(Roles.PRIVACY_OFFICER),
                "nobody"), null, null, null, UUID.randomUUID()));
    }

    @Test
    void aPrivacyOfficerWhoAnswersForNoOrganisationIsRefused() {
        Caller officer = new Caller("nobody", Optional.of("privacy-office"), Set.of(Roles.PRIVACY_OFFICER),
                "nobody");
        assertForbidden(() -> accessLog.find(officer, null, null, null, UUID.randomUUID()));
        assertForbidden(() -> accessLog.overview(officer, "123456782", null, null));
        assertForbidden(() -> accessLog.overview(officer, null, "Meriam", "not a date"));
        assertForbidden(() -> verification.verify(officer));
    }
}
