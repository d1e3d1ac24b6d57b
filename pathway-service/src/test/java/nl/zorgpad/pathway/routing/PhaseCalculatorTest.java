package nl.zorgpad.pathway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PhaseCalculatorTest {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 1);
    private static final LocalDate CONCEPTION = DUE.minusDays(280);
    private static final LocalDate BIRTH = LocalDate.of(2026, 5, 10);

    @Test
    void theDayBeforeConceptionIsPreconception() {
        assertEquals(Phase.PRECONCEPTION, PhaseCalculator.fromDueDate(DUE, CONCEPTION.minusDays(1)));
    }

    @Test
    void conceptionDayIsTheFirstDayOfPregnancy() {
        assertEquals(LocalDate.of(2026, 5, 25), CONCEPTION);
        assertEquals(Phase.PREGNANCY, PhaseCalculator.fromDueDate(DUE, CONCEPTION));
    }

    @Test
    void aPregnancyPastItsDueDateStaysAPregnancyForTwoWeeks() {
        assertEquals(Phase.PREGNANCY, PhaseCalculator.fromDueDate(DUE, DUE));
        assertEquals(Phase.PREGNANCY, PhaseCalculator.fromDueDate(DUE, DUE.plusDays(14)));
        var e = assertThrows(PhaseCalculator.OutsideWindowException.class,
                () -> PhaseCalculator.fromDueDate(DUE, DUE.plusDays(15)));
        assertEquals("dueDate", e.field());
    }

    @Test
    void theBirthDayStartsPostpartum() {
        assertEquals(Phase.POSTPARTUM, PhaseCalculator.fromBirthDate(BIRTH, BIRTH));
        var e = assertThrows(PhaseCalculator.OutsideWindowException.class,
                () -> PhaseCalculator.fromBirthDate(BIRTH, BIRTH.minusDays(1)));
        assertEquals("birthDate", e.field());
    }

    @Test
    void theWindowEndsAtTheSecondBirthday() {
        assertEquals(Phase.POSTPARTUM, PhaseCalculator.fromBirthDate(BIRTH, LocalDate.of(2028, 5, 9)));
        assertThrows(PhaseCalculator.OutsideWindowException.class,
                () -> PhaseCalculator.fromBirthDate(BIRTH, LocalDate.of(2028, 5, 10)));
    }

    @Test
    void aLeapDayChildTurnsTwoOnTheTwentyEighthOfFebruary() {
        LocalDate leap = LocalDate.of(2028, 2, 29);
        assertEquals(Phase.POSTPARTUM, PhaseCalculator.fromBirthDate(leap, LocalDate.of(2030, 2, 27)));
        assertThrows(PhaseCalculator.OutsideWindowException.class,
                () -> PhaseCalculator.fromBirthDate(leap, LocalDate.of(2030, 2, 28)));
    }

    @Test
    void aGivenPhaseWinsAndABirthDateWinsOverADueDate() {
        assertEquals(Phase.PRECONCEPTION, PhaseCalculator.phaseOf(Phase.PRECONCEPTION, DUE, BIRTH, DUE));
        assertEquals(Phase.POSTPARTUM, PhaseCalculator.phaseOf(null, DUE, BIRTH, BIRTH.plusDays(3)));
        var e = assertThrows(PhaseCalculator.OutsideWindowException.class,
                () -> PhaseCalculator.phaseOf(null, null, null, DUE));
        assertEquals("phase", e.field());
    }
}
