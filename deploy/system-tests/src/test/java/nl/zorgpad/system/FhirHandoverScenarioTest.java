package nl.zorgpad.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Practice software hands a family over as FHIR, to referral-service as it is packaged and run: HAPI's validator
 * works there on the class path of the package (the module's tests run it on another one), a valid transaction
 * Bundle creates the Task, and one that base R4 forbids is refused at its element with nothing created.
 */
@ExtendWith(RunningSystem.class)
@Order(3)
class FhirHandoverScenarioTest {

    private static final String TEAM = "partner-wijkteam-smallingerland";

    @Test
    void theReadmesBundleCreatesATaskAndOneThatR4ForbidsIsRefusedAtItsElement() throws IOException {
        String family = "Sanne Visser " + UUID.randomUUID().toString().substring(0, 8);

        String task = post(readmeExample().replace("Sanne Visser", family)).statusCode(200)
                .body("type", equalTo("transaction-response"))
                .body("entry[6].response.status", equalTo("201 Created"))
                .body("entry[6].resource.owner.reference", equalTo("Organization/" + TEAM))
                .extract().path("entry[6].resource.id");
        Api.referrals("daan").get("/api/referrals/" + task).then().statusCode(200)
                .body("client.name", equalTo(family));

        // pat-1: a contact of the family must name someone (or an organisation); this one only says who it is.
        String nobodyToContact = readmeExample().replace("Sanne Visser", family + " b")
                .replace("\"communication\":", "\"contact\": [{\"relationship\": [{\"text\": \"partner\"}]}],\n"
                        + "        \"communication\":");
        post(nobodyToContact).statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.diagnostics", hasItem(containsString("pat-1")))
                .body("issue.expression.flatten()", hasItem(startsWith("Bundle.entry[0].resource")));
        Api.referrals("daan").get("/api/referrals?size=100").then().statusCode(200)
                .body(containsString(family))
                .body(not(containsString(family + " b")));
    }

    private static ValidatableResponse post(String bundle) {
        return Api.referrals("anna").contentType("application/fhir+json").accept("application/fhir+json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(bundle).post("/fhir").then();
    }

    /** The README's curl example, with the dates its shell lines put in. */
    private static String readmeExample() throws IOException {
        return Files.readString(Path.of("../../referral-service/examples/fhir-handover.json"))
                .replace("DUE_DATE", LocalDate.now().plusWeeks(20).toString())
                .replace("CONSENT_TIME", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
