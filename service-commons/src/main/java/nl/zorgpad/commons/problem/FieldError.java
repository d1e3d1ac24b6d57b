package nl.zorgpad.commons.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field that failed: its JSON path as the client wrote it (e.g. {@code rules[0].target}) and what is wrong. */
public record FieldError(
        @Schema(description = "The field's JSON path as the client wrote it (or a header or parameter name)",
                examples = "client.bsn", required = true)
        String field,
        @Schema(description = "What is wrong with it", required = true,
                examples = "is not a valid BSN (nine digits passing the 11-check)")
        String message) {
}
