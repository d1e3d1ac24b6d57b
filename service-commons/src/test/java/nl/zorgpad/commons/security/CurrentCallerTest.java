package nl.zorgpad.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.commons.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CurrentCallerTest {

    @Test
    void readsUserOrganisationAndRolesFromTheToken() {
        Caller caller = CurrentCaller.of(identity(Map.of("sub", "f81d-4fae", "preferred_username", "daan",
                "org_id", "wijkteam-smallingerland"), Roles.DISTRICT_TEAM));

        assertEquals("daan", caller.userId());
        assertEquals("daan", caller.onBehalfOf());
        assertEquals("wijkteam-smallingerland", caller.organisationId());
        assertTrue(caller.belongsTo("wijkteam-smallingerland"));
        assertFalse(caller.belongsTo("wijkteam-leeuwarden"));
        assertTrue(caller.hasRole(Roles.DISTRICT_TEAM));
        assertFalse(caller.hasRole(Roles.MIDWIFE));
    }

    @Test
    void aServiceAccountWithoutUserNameIsItsSubject() {
        Caller caller = CurrentCaller.of(identity(Map.of("sub", "service-account-referral"), Roles.SERVICE));

        assertEquals("service-account-referral", caller.userId());
    }

    @Test
    void aTokenWithoutOrganisationIsRefusedWhereTheOrganisationIsNeeded() {
        for (Map<String, Object> claims : new Map[] {Map.of("sub", "x"), Map.of("sub", "x", "org_id", "  ")}) {
            Caller caller = CurrentCaller.of(identity(claims, Roles.MIDWIFE));

            assertEquals(Optional.empty(), caller.organisation());
            assertFalse(caller.belongsTo(""));
            ProblemException refused = assertThrows(ProblemException.class, caller::organisationId);
            assertEquals(403, refused.problem().status());
            assertEquals("https://zorgpad.nl/problems/forbidden", refused.problem().type().toString());
        }
    }

    @Test
    void readsTheApplicationAndThePrivacyOfficersOrganisations() {
        // A list as the claim (the real tokens' JSON array is tested against Keycloak in referral-service).
        List<String> organisations = List.of("practice-het-anker", " ", "partner-x");
        Caller officer = CurrentCaller.of(identity(Map.of("sub", "s", "preferred_username", "noor", "org_id",
                "privacy-het-anker", "azp", "zorgpad-console", "privacy_org_ids", organisations),
                Roles.PRIVACY_OFFICER));
        assertEquals(Optional.of("zorgpad-console"), officer.application());
        assertEquals(Set.of("practice-het-anker", "partner-x"), officer.privacyOrganisationIds());
        assertEquals(Optional.of(Roles.PRIVACY_OFFICER), officer.role());

        Caller one = CurrentCaller.of(identity(Map.of("sub", "s", "privacy_org_ids", "practice-het-anker"),
                Roles.PRIVACY_OFFICER));
        assertEquals(Set.of("practice-het-anker"), one.privacyOrganisationIds());

        Caller midwife = CurrentCaller.of(identity(Map.of("sub", "s", "org_id", "practice-de-wieken"),
                Roles.MIDWIFE));
        assertEquals(Optional.empty(), midwife.application());
        ProblemException refused = assertThrows(ProblemException.class, midwife::privacyOrganisationIds);
        assertEquals(403, refused.problem().status());
        assertEquals("anna", midwife.actingFor("anna").onBehalfOf());
        assertEquals(Optional.of(Roles.MIDWIFE), midwife.actingFor("anna").role());
    }

    private static QuarkusSecurityIdentity identity(Map<String, Object> claims, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Token(claims)).addRoles(Set.of(role)).build();
    }

    /** The claims of a verified access token, as the OIDC extension hands them over. */
    private record Token(Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return new HashMap<>(claims).keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }
}
