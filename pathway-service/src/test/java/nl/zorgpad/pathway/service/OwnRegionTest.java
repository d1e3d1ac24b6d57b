package nl.zorgpad.pathway.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.commons.security.Roles;
import org.junit.jupiter.api.Test;

class OwnRegionTest {

    private static Caller coordinator(String organisation) {
        return new Caller("vera", Optional.ofNullable(organisation), Set.of(Roles.VSV_ADMIN), "vera");
    }

    @Test
    void theCoordinatorsOwnRegionPasses() {
        assertDoesNotThrow(() -> OwnRegion.require(coordinator("region-a"), "region-a"));
    }

    @Test
    void anotherRegionDoesNotExistForTheCaller() {
        Problem problem = assertThrows(ProblemException.class,
                () -> OwnRegion.require(coordinator("region-a"), "region-b")).problem();
        assertEquals(404, problem.status());
        assertEquals("https://zorgpad.nl/problems/not-found", problem.type().toString());
        assertEquals("No region region-b", problem.detail());
    }

    @Test
    void aTokenWithoutOrganisationIsRefusedWith403() {
        Problem problem = assertThrows(ProblemException.class,
                () -> OwnRegion.require(coordinator(null), "region-a")).problem();
        assertEquals(403, problem.status());
        assertEquals("https://zorgpad.nl/problems/forbidden", problem.type().toString());
    }
}
