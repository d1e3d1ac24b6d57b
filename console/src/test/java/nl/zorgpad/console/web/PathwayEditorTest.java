package nl.zorgpad.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nl.zorgpad.console.client.Regions.Conditions;
import nl.zorgpad.console.client.Regions.ResponseTargets;
import nl.zorgpad.console.client.Regions.Rule;
import nl.zorgpad.console.client.Regions.Target;
import nl.zorgpad.console.client.Regions.Version;
import org.junit.jupiter.api.Test;

class PathwayEditorTest {

    /** Two rows as the browser posts them: single fields in row order, check boxes as "row:value". */
    private static PathwayDraftForm twoRows() {
        PathwayDraftForm form = new PathwayDraftForm();
        form.action = "save";
        form.row = List.of("0", "1");
        form.municipality = List.of("0:GM0090", "1:GM0086", "1:GM0059");
        form.postcodes = List.of("", "9241, 9242;9243\n9244");
        form.phase = List.of("1:pregnancy", "1:postpartum");
        form.vulnerability = List.of("0:vulnerable", "0:very-vulnerable");
        form.urgency = List.of("1:urgent");
        form.minAge = List.of("", "18");
        form.maxAge = List.of("", " 23 ");
        form.target = List.of("partner-wijkteam-smallingerland/intake-jonge-gezinnen", "partner-ggz-perinataal");
        form.instruction = List.of("Bespreek het kindpakket.", "  ");
        form.routine = List.of("5", "10");
        form.urgent = List.of("1", "2");
        return form;
    }

    @Test
    void postedRowsBecomeTheDraftsRulesInTheirOrder() {
        PathwayEditor.Converted converted = PathwayEditor.convert(twoRows().rows());

        assertTrue(converted.isValid());
        List<Rule> rules = converted.draft().rules();
        assertEquals(2, rules.size());
        Rule first = rules.get(0);
        assertEquals(List.of("GM0090"), first.when().municipalities());
        assertEquals(List.of("vulnerable", "very-vulnerable"), first.when().vulnerabilities());
        assertTrue(first.when().phases().isEmpty());
        assertEquals(new Target("partner-wijkteam-smallingerland", "intake-jonge-gezinnen"), first.target());
        assertEquals("Bespreek het kindpakket.", first.instruction());
        assertEquals(new ResponseTargets(5, 1), first.responseTargetWorkingDays());
        Rule second = rules.get(1);
        assertEquals(List.of("GM0086", "GM0059"), second.when().municipalities());
        assertEquals(List.of("9241", "9242", "9243", "9244"), second.when().postcodes());
        assertEquals(List.of("pregnancy", "postpartum"), second.when().phases());
        assertEquals(List.of("urgent"), second.when().urgencies());
        assertEquals(18, second.when().minAge());
        assertEquals(23, second.when().maxAge());
        assertEquals(new Target("partner-ggz-perinataal", null), second.target());
        assertNull(second.instruction());
    }

    @Test
    void theDraftIsSentWithoutEmptyConditions() throws Exception {
        Rule rule = PathwayEditor.convert(twoRows().rows()).draft().rules().get(1);
        String json = new ObjectMapper().writeValueAsString(new Rule(new Conditions(List.of(), List.of(),
                List.of("pregnancy"), List.of(), null, null, List.of()), new Target("p-1", null), null,
                new ResponseTargets(5, 1)));

        assertEquals("{\"when\":{\"phases\":[\"pregnancy\"]},\"target\":{\"partnerId\":\"p-1\"},"
                + "\"responseTargetWorkingDays\":{\"routine\":5,\"urgent\":1}}", json);
        assertTrue(new ObjectMapper().writeValueAsString(rule).contains("\"minAge\":18"));
    }

    @Test
    void aNumberThatIsNoneIsRefusedAtItsRowBeforeTheServiceIsAsked() {
        PathwayDraftForm form = twoRows();
        form.maxAge = List.of("", "drieëntwintig");
        form.urgent = List.of("", "2");

        PathwayEditor.Converted converted = PathwayEditor.convert(form.rows());

        assertFalse(converted.isValid());
        assertEquals("days-incomplete", converted.errors().of(0, PathwayRuleErrors.DAYS).get(0).kind());
        assertEquals("not-a-number", converted.errors().of(1, PathwayRuleErrors.AGES).get(0).kind());
        assertFalse(converted.errors().has(1, PathwayRuleErrors.DAYS));
        assertEquals(List.of(0, 1), converted.errors().rows());
    }

    @Test
    void noResponseTimesAtAllIsLeftToTheServiceToRefuse() {
        PathwayDraftForm form = twoRows();
        form.routine = List.of("", "10");
        form.urgent = List.of("", "2");

        PathwayEditor.Converted converted = PathwayEditor.convert(form.rows());

        assertTrue(converted.isValid());
        assertNull(converted.draft().rules().get(0).responseTargetWorkingDays());
    }

    @Test
    void aStoredRuleComesBackAsTheRowThatWouldSaveIt() {
        Rule rule = new Rule(new Conditions(List.of("GM0090"), List.of("9200", "9201"), List.of("pregnancy"),
                List.of(), 16, null, List.of("urgent")), new Target("partner-a", "intake"), "Bel eerst.",
                new ResponseTargets(5, 1));
        Version draft = new Version("pw-1", 2, "draft", null, List.of(rule), null, null, null, null);

        PathwayRuleRow row = PathwayEditor.of(draft).rows().get(0);

        assertEquals("9200, 9201", row.postcodes());
        assertEquals("16", row.minAge());
        assertEquals("", row.maxAge());
        assertEquals("partner-a/intake", row.target());
        assertEquals("partner-a", row.partnerId());
        assertEquals("intake", row.contactPointId());
        assertTrue(row.targetsContact("partner-a", "intake"));
        assertEquals(rule, PathwayEditor.convert(List.of(row)).draft().rules().get(0));
    }

    @Test
    void addRemoveAndMoveChangeOnlyTheRows() {
        List<PathwayRuleRow> rows = twoRows().rows();

        PathwayEditor added = PathwayEditor.change(rows, "add");
        assertEquals(3, added.rows().size());
        assertEquals(PathwayRuleRow.blank(), added.rows().get(2));
        assertEquals(2, added.focus());
        assertEquals("added", added.notice());

        PathwayEditor removed = PathwayEditor.change(rows, "remove-0");
        assertEquals(List.of(rows.get(1)), removed.rows());

        PathwayEditor down = PathwayEditor.change(rows, "down-0");
        assertEquals(List.of(rows.get(1), rows.get(0)), down.rows());
        PathwayEditor up = PathwayEditor.change(rows, "up-1");
        assertEquals(List.of(rows.get(1), rows.get(0)), up.rows());
        assertEquals(rows, PathwayEditor.change(rows, "up-0").rows());
        assertEquals(rows, PathwayEditor.change(rows, "remove-7").rows());
    }

    @Test
    void enterInAFieldAndThePlainSaveButtonBothSave() {
        assertTrue(PathwayEditor.saves(null));
        assertTrue(PathwayEditor.saves("save"));
        assertFalse(PathwayEditor.saves("remove-1"));
        assertFalse(PathwayEditor.saves("add"));
    }
}
