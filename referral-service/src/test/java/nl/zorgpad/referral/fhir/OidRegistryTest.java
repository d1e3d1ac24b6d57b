package nl.zorgpad.referral.fhir;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import org.hl7.fhir.utilities.OIDUtilities;
import org.junit.jupiter.api.Test;

/**
 * HAPI's validator reads the OID registry of org.hl7.fhir.utilities anew for every Bundle it checks; the service
 * puts an empty registry in place of the library's 21,000 lines (see application.properties). Should a new HAPI
 * version read its registry from elsewhere, HL7's own OID would be known again and FHIR creates four times slower.
 */
@QuarkusTest
class OidRegistryTest {

    @Test
    void theValidatorKnowsNoOidsSoItDoesNotParseTheLibrarysRegistryPerBundle() {
        var oids = new OIDUtilities();

        assertFalse(oids.isKnownOID("urn:oid:2.16.840.1.113883"), "HL7's root OID, the registry's first line");
        assertFalse(oids.isKnownOID("urn:oid:2.16.840.1.113883.2.4.6.3"), "the BSN's OID");
    }
}
