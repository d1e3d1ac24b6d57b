package nl.zorgpad.referral.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A move to another status, with the reason or outcome the move requires. */
public record StatusRequest(
        @Schema(description = "The status to move to",
                examples = "accepted",
                required = true, enumeration = {"requested", "accepted", "rejected", "in-progress", "on-hold",
                        "completed", "failed", "cancelled"})
        String status,
        @Schema(description = "Why; required for rejected, on-hold, failed and cancelled", examples = "no-capacity")
        String reasonCode,
        @Schema(description = "The reason in words; required with a reasonCode",
                examples = "Waiting list is full until March")
        String reasonText,
        @Schema(description = "What came of it; required for completed", examples = "Debt counselling started")
        String outcome) {
}
