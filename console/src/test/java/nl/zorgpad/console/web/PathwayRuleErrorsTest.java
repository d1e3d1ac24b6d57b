package nl.zorgpad.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.client.ServiceProblem.FieldError;
import nl.zorgpad.console.web.PathwayRuleErrors.RuleError;
import org.junit.jupiter.api.Test;

/** The messages are pathway-service's own (PathwayValidator, PathwayService, Bean Validation). */
class PathwayRuleErrorsTest {

    private static final Map<String, String> NAMES = Map.of("GM0086", "Opsterland");

    private static PathwayRuleErrors of(FieldError... errors) {
        return PathwayRuleErrors.of(new ServiceProblem(422, "https://zorgpad.nl/problems/validation-failed",
                "The pathway has invalid field(s)", List.of(errors), Map.of()),
                code -> NAMES.getOrDefault(code, code));
    }

    @Test
    void eachErrorLandsAtItsRuleAndThePartItNames() {
        PathwayRuleErrors errors = of(
                new FieldError("rules[2].target.partnerId", "partner partner-x does not serve municipality GM0086"),
                new FieldError("rules[0].when.municipalities", "GM9999 is not a municipality of region r-1"),
                new FieldError("rules[0].when.postcodes", "1234 is not a PC4 area of region r-1"),
                new FieldError("rules[1].when", "can never match: rule 1 comes first and covers every case this"
                        + " rule covers"),
                new FieldError("rules[1].responseTargetWorkingDays", "is required"),
                new FieldError("rules[3].when.minAge", "is above maxAge"),
                new FieldError("rules[3].target.contactPointId", "partner p has no contact point balie"));

        assertEquals(List.of(new RuleError("target", "partner-not-serving", "Opsterland",
                "partner partner-x does not serve municipality GM0086")), errors.of(2, "target"));
        assertEquals(List.of("municipality-outside", "postcode-outside"),
                errors.of(0, "area").stream().map(RuleError::kind).toList());
        assertEquals("GM9999", errors.of(0, "area").get(0).param());
        RuleError shadowed = errors.of(1, "rule").get(0);
        assertEquals("shadowed", shadowed.kind());
        assertEquals("1", shadowed.param());
        assertEquals("days-missing", errors.of(1, "days").get(0).kind());
        assertEquals("ages-reversed", errors.of(3, "ages").get(0).kind());
        assertEquals("contact-unknown", errors.of(3, "target").get(0).kind());
        assertEquals(List.of(0, 1, 2, 3), errors.rows());
        assertFalse(errors.has(2, "area"));
        assertTrue(errors.general().isEmpty());
    }

    @Test
    void partnerMessagesAreToldApart() {
        PathwayRuleErrors errors = of(
                new FieldError("rules[0].target.partnerId", "unknown partner partner-gone"),
                new FieldError("rules[1].target.partnerId", "partner partner-old is inactive"),
                new FieldError("rules[2].target.partnerId", "must not be null"),
                new FieldError("rules[3].target.partnerId", "partner p does not serve PC4 area 9241"));

        assertEquals("partner-unknown", errors.of(0, "target").get(0).kind());
        assertEquals("partner-inactive", errors.of(1, "target").get(0).kind());
        assertEquals("partner-missing", errors.of(2, "target").get(0).kind());
        assertEquals("partner-not-serving-postcode", errors.of(3, "target").get(0).kind());
        assertEquals("9241", errors.of(3, "target").get(0).param());
    }

    @Test
    void beanValidationMessagesFindTheirPartToo() {
        PathwayRuleErrors errors = of(
                new FieldError("rules[0].when.maxAge", "must be less than or equal to 120"),
                new FieldError("rules[0].instruction", "size must be between 0 and 2000"),
                new FieldError("rules[0].when.phases[0]", "has a value of the wrong type or an unknown value"),
                new FieldError("rules[0].responseTargetWorkingDays.urgent", "must be greater than or equal to 0"));

        assertEquals("number-range", errors.of(0, "ages").get(0).kind());
        assertEquals("instruction-too-long", errors.of(0, "instruction").get(0).kind());
        RuleError phase = errors.of(0, "phases").get(0);
        assertEquals("other", phase.kind());
        assertEquals("has a value of the wrong type or an unknown value", phase.serviceText());
        assertEquals("number-range", errors.of(0, "days").get(0).kind());
    }

    @Test
    void errorsAboutTheWholeDraftOrItsDateAreGeneral() {
        PathwayRuleErrors errors = of(
                new FieldError("rules", "a published pathway needs at least one rule"),
                new FieldError("effectiveFrom", "overlaps version 3, effective from 2027-01-01; choose a later date"),
                new FieldError("body", "cannot be read"));

        assertEquals(List.of("no-rules", "date-overlap", "other"),
                errors.general().stream().map(RuleError::kind).toList());
        assertEquals("3", errors.general().get(1).param());
        assertEquals("effectiveFrom", errors.general().get(1).group());
        assertTrue(errors.rows().isEmpty());
    }
}
