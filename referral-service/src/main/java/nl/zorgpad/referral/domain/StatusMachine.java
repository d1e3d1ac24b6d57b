package nl.zorgpad.referral.domain;

import static nl.zorgpad.referral.domain.ReferralStatus.ACCEPTED;
import static nl.zorgpad.referral.domain.ReferralStatus.CANCELLED;
import static nl.zorgpad.referral.domain.ReferralStatus.COMPLETED;
import static nl.zorgpad.referral.domain.ReferralStatus.FAILED;
import static nl.zorgpad.referral.domain.ReferralStatus.IN_PROGRESS;
import static nl.zorgpad.referral.domain.ReferralStatus.ON_HOLD;
import static nl.zorgpad.referral.domain.ReferralStatus.REJECTED;
import static nl.zorgpad.referral.domain.ReferralStatus.REQUESTED;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.commons.problem.FieldError;

/**
 * The referral lifecycle as plain logic: which transitions exist, which party may make them and what each needs.
 * The referring practice may only cancel; the receiving organisation makes every other move.
 */
public final class StatusMachine {

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED),
            ACCEPTED, EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, CANCELLED),
            IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, FAILED, CANCELLED),
            ON_HOLD, EnumSet.of(IN_PROGRESS, COMPLETED, FAILED, CANCELLED),
            REJECTED, EnumSet.noneOf(ReferralStatus.class),
            COMPLETED, EnumSet.noneOf(ReferralStatus.class),
            FAILED, EnumSet.noneOf(ReferralStatus.class),
            CANCELLED, EnumSet.noneOf(ReferralStatus.class));

    private static final Set<ReferralStatus> NEEDS_REASON = EnumSet.of(REJECTED, CANCELLED, ON_HOLD, FAILED);

    private StatusMachine() {
    }

    /** The statuses reachable from {@code from}, whoever makes the move. */
    public static Set<ReferralStatus> allowedFrom(ReferralStatus from) {
        return EnumSet.copyOf(orEmpty(NEXT.get(from)));
    }

    /** The statuses {@code party} may move a referral to from {@code from}. */
    public static Set<ReferralStatus> allowedFor(ReferralStatus from, Party party) {
        Set<ReferralStatus> allowed = allowedFrom(from);
        allowed.removeIf(to -> !mayMove(party, to));
        return allowed;
    }

    public static boolean isLegal(ReferralStatus from, ReferralStatus to) {
        return orEmpty(NEXT.get(from)).contains(to);
    }

    /** The referrer sets (requested and) cancelled; the receiving organisation sets the rest. */
    public static boolean mayMove(Party party, ReferralStatus to) {
        return switch (party) {
            case REFERRER -> to == CANCELLED;
            case RECEIVER -> to != REQUESTED && to != CANCELLED;
        };
    }

    public static boolean needsReason(ReferralStatus to) {
        return NEEDS_REASON.contains(to);
    }

    public static boolean needsOutcome(ReferralStatus to) {
        return to == COMPLETED;
    }

    /** Field errors for the details a move to {@code to} requires (reason code and text, or an outcome). */
    public static List<FieldError> missingDetails(ReferralStatus to, String reasonCode, String reasonText,
                                                  String outcome) {
        List<FieldError> errors = new ArrayList<>();
        if (needsReason(to)) {
            if (isBlank(reasonCode)) {
                errors.add(new FieldError("reasonCode", "is required when the status becomes " + to.code()));
            }
            if (isBlank(reasonText)) {
                errors.add(new FieldError("reasonText", "is required when the status becomes " + to.code()));
            }
        }
        if (needsOutcome(to) && isBlank(outcome)) {
            errors.add(new FieldError("outcome", "is required when the status becomes completed"));
        }
        return errors;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Set<ReferralStatus> orEmpty(Set<ReferralStatus> set) {
        return set == null ? EnumSet.noneOf(ReferralStatus.class) : set;
    }
}
