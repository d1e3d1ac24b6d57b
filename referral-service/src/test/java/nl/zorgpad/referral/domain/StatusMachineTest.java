package nl.zorgpad.referral.domain;

import static nl.zorgpad.referral.domain.ReferralStatus.ACCEPTED;
import static nl.zorgpad.referral.domain.ReferralStatus.CANCELLED;
import static nl.zorgpad.referral.domain.ReferralStatus.COMPLETED;
import static nl.zorgpad.referral.domain.ReferralStatus.FAILED;
import static nl.zorgpad.referral.domain.ReferralStatus.IN_PROGRESS;
import static nl.zorgpad.referral.domain.ReferralStatus.ON_HOLD;
import static nl.zorgpad.referral.domain.ReferralStatus.REJECTED;
import static nl.zorgpad.referral.domain.ReferralStatus.REQUESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.commons.problem.FieldError;
import org.junit.jupiter.api.Test;

class StatusMachineTest {

    /** The lifecycle as the issue states it, written out independently of the implementation's table. */
    private static final Map<ReferralStatus, Set<ReferralStatus>> LEGAL = Map.of(
            REQUESTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED),
            ACCEPTED, EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, CANCELLED),
            IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, FAILED, CANCELLED),
            ON_HOLD, EnumSet.of(IN_PROGRESS, COMPLETED, FAILED, CANCELLED));

    @Test
    void everyPairOfStatusesIsLegalExactlyWhenTheLifecycleSaysSo() {
        int legal = 0;
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                boolean expected = LEGAL.getOrDefault(from, Set.of()).contains(to);
                assertEquals(expected, StatusMachine.isLegal(from, to), from + " -> " + to);
                legal += expected ? 1 : 0;
            }
        }
        assertEquals(16, legal);
    }

    @Test
    void closedStatusesLeadNowhere() {
        for (ReferralStatus closed : List.of(REJECTED, COMPLETED, FAILED, CANCELLED)) {
            assertTrue(closed.isClosed());
            assertTrue(StatusMachine.allowedFrom(closed).isEmpty(), closed.code());
        }
    }

    @Test
    void theReferrerMayOnlyCancel() {
        assertEquals(EnumSet.of(CANCELLED), StatusMachine.allowedFor(REQUESTED, Party.REFERRER));
        assertEquals(EnumSet.of(CANCELLED), StatusMachine.allowedFor(ACCEPTED, Party.REFERRER));
        assertEquals(EnumSet.of(CANCELLED), StatusMachine.allowedFor(IN_PROGRESS, Party.REFERRER));
        assertEquals(EnumSet.of(CANCELLED), StatusMachine.allowedFor(ON_HOLD, Party.REFERRER));
        for (ReferralStatus to : EnumSet.complementOf(EnumSet.of(CANCELLED))) {
            assertFalse(StatusMachine.mayMove(Party.REFERRER, to), to.code());
        }
    }

    @Test
    void theReceiverSetsEverythingButCancelled() {
        assertEquals(EnumSet.of(ACCEPTED, REJECTED), StatusMachine.allowedFor(REQUESTED, Party.RECEIVER));
        assertEquals(EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, FAILED),
                StatusMachine.allowedFor(ACCEPTED, Party.RECEIVER));
        assertEquals(EnumSet.of(ON_HOLD, COMPLETED, FAILED), StatusMachine.allowedFor(IN_PROGRESS, Party.RECEIVER));
        assertEquals(EnumSet.of(IN_PROGRESS, COMPLETED, FAILED), StatusMachine.allowedFor(ON_HOLD, Party.RECEIVER));
        assertFalse(StatusMachine.mayMove(Party.RECEIVER, CANCELLED));
        assertFalse(StatusMachine.mayMove(Party.RECEIVER, REQUESTED));
    }

    @Test
    void rejectCancelHoldAndFailNeedReasonCodeAndText() {
        for (ReferralStatus to : List.of(REJECTED, CANCELLED, ON_HOLD, FAILED)) {
            List<FieldError> errors = StatusMachine.missingDetails(to, null, " ", null);
            assertEquals(List.of("reasonCode", "reasonText"), errors.stream().map(FieldError::field).toList());
            assertTrue(StatusMachine.missingDetails(to, "no-capacity", "Full until March", null).isEmpty());
        }
    }

    @Test
    void completedNeedsAnOutcomeAndTheOthersNeedNothing() {
        assertEquals(List.of("outcome"), StatusMachine.missingDetails(COMPLETED, null, null, null).stream()
                .map(FieldError::field).toList());
        assertTrue(StatusMachine.missingDetails(COMPLETED, null, null, "debt plan agreed").isEmpty());
        assertTrue(StatusMachine.missingDetails(ACCEPTED, null, null, null).isEmpty());
        assertTrue(StatusMachine.missingDetails(IN_PROGRESS, null, null, null).isEmpty());
    }

    @Test
    void statusCodesRoundTrip() {
        for (ReferralStatus status : ReferralStatus.values()) {
            assertEquals(status, ReferralStatus.parse(status.code()));
        }
        assertEquals("in-progress", IN_PROGRESS.code());
        assertTrue(ReferralStatus.fromCode("done").isEmpty());
    }
}
