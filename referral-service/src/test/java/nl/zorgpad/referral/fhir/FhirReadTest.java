package nl.zorgpad.referral.fhir;

import static io.restassured.RestAssured.given;
import static nl.zorgpad.referral.fhir.FhirApi.FHIR_JSON;
import static nl.zorgpad.referral.fhir.FhirApi.assertOutcome;
import static nl.zorgpad.referral.fhir.FhirApi.read;
import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.moveWithDetails;
import static nl.zorgpad.referral.support.Api.part;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.referral.support.PathwayStub;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Test;

/**
 * A referral made through {@code /api/referrals} read through {@code /fhir}: one model, the same tenant rules and
 * access log, and every refusal an OperationOutcome.
 */
@QuarkusTest
class FhirReadTest {

    @Inject
    AgroalDataSource db;

    /** A handover as anna with a BSN of its own (a BSN used twice would be a duplicate). */
    private static String referral(String name, String... signals) {
        Map<String, Object> body = handover(name, signals);
        part(body, "client").put("bsn", HandoverBundles.bsn());
        return as("anna").body(body).post("/api/referrals").then().statusCode(201)
                .extract().path("handovers[0].referralId");
    }

    @Test
    void bothEndsReadTheReferralAsATaskWithItsVersionAsETag() {
        String id = referral(uniqueName(), "financial-debt", "poverty-income");
        for (String user : List.of("anna", "daan")) {
            read(user, "Task/" + id).statusCode(200).contentType(startsWith(FHIR_JSON))
                    .header("ETag", equalTo("W/\"0\""))
                    .body("resourceType", equalTo("Task"))
                    .body("id", equalTo(id))
                    .body("meta.versionId", equalTo("0"))
                    .body("status", equalTo("requested"))
                    .body("intent", equalTo("order"))
                    .body("focus.reference", equalTo("ServiceRequest/" + id + "-1"))
                    .body("basedOn.reference", equalTo(List.of("ServiceRequest/" + id + "-1",
                            "ServiceRequest/" + id + "-2")))
                    .body("for.reference", equalTo("Patient/" + id))
                    .body("requester.reference", equalTo("Organization/practice-de-wieken"))
                    .body("owner.reference", equalTo("Organization/" + PathwayStub.SMALLINGERLAND))
                    .body("restriction.period.end", equalTo(as(user).get("/api/referrals/" + id).then()
                            .extract().path("acknowledgeDeadline")));
        }
        moveWithDetails("daan", id, "accepted").statusCode(200);
        read("anna", "Task/" + id).statusCode(200).header("ETag", equalTo("W/\"1\""))
                .body("status", equalTo("accepted"));
    }

    @Test
    void eachSignalIsAServiceRequestWithTheMidwifesNote() {
        String id = referral(uniqueName(), "financial-debt", "poverty-income");
        read("daan", "ServiceRequest/" + id + "-2").statusCode(200)
                .body("resourceType", equalTo("ServiceRequest"))
                .body("status", equalTo("active"))
                .body("intent", equalTo("order"))
                .body("category[0].coding[0].code", equalTo("sdoh"))
                .body("category.drop(1).coding.flatten().code", equalTo(List.of("financial-insecurity",
                        "employment-status")))
                .body("category.drop(1).coding.flatten().system", everyItem(equalTo(SdohCategories.SYSTEM)))
                .body("code.coding[0].system", equalTo(ReferralAsFhir.SIGNALS))
                .body("code.coding[0].code", equalTo("poverty-income"))
                .body("note[0].text", equalTo("Handover note about poverty-income"))
                .body("subject.reference", equalTo("Patient/" + id));
        assertOutcome(read("daan", "ServiceRequest/" + id + "-3"), 404, "not-found");
        assertOutcome(read("daan", "ServiceRequest/" + id + "-x"), 404, "not-found");
        assertOutcome(read("daan", "ServiceRequest/nonsense"), 404, "not-found");
    }

    @Test
    void thePatientCarriesTheBsnAndIsGoneOnceConsentIsWithdrawn() {
        String name = uniqueName();
        String id = referral(name, "financial-debt");
        read("daan", "Patient/" + id).statusCode(200)
                .body("resourceType", equalTo("Patient"))
                .body("name[0].text", equalTo(name))
                .body("birthDate", equalTo("2001-03-04"))
                .body("identifier[0].system", equalTo(ReferralAsFhir.BSN))
                .body("identifier[0].value", equalTo(as("daan").get("/api/referrals/" + id).then()
                        .extract().path("client.bsn")))
                .body("telecom.value", hasItem("06 12345678"))
                .body("address[0].postalCode", equalTo("9203AB"));
        as("anna").post("/api/referrals/" + id + "/consent-withdrawal").then().statusCode(200);
        assertOutcome(read("daan", "Patient/" + id), 404, "not-found");
        read("daan", "Task/" + id).statusCode(200).body("status", equalTo("cancelled"));
    }

    @Test
    void anotherTenantGets404OnEveryResourceAndTheLookIsLogged() {
        String id = referral(uniqueName(), "financial-debt");
        long refusalsBefore = Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND outcome <> "
                + "'success'", UUID.fromString(id));
        for (String user : List.of("bea", "eva")) {
            for (String path : List.of("Task/" + id, "Patient/" + id, "ServiceRequest/" + id + "-1",
                    "Organization/" + PathwayStub.SMALLINGERLAND.replace("smallingerland", "nowhere"))) {
                assertOutcome(read(user, path), 404, "not-found");
            }
            read(user, "Task?_count=100").statusCode(200).body("entry.resource.id", not(hasItem(id)));
        }
        assertEquals(refusalsBefore + 6, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND "
                + "outcome <> 'success'", UUID.fromString(id)), "three refused looks each by bea and eva");
        read("anna", "Organization/" + PathwayStub.SMALLINGERLAND).statusCode(200)
                .body("name", equalTo(as("anna").get("/api/referrals/" + id).then().extract().path("partnerName")));
        read("daan", "Organization/practice-de-wieken").statusCode(200).body("id", equalTo("practice-de-wieken"));
    }

    @Test
    void aTeamSearchesItsRequestedTasksPageByPage() {
        for (int i = 0; i < 3; i++) {
            referral(uniqueName(), "financial-debt");
        }
        var first = read("daan", "Task?status=requested&_count=2").statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("entry.size()", equalTo(2))
                .body("entry.resource.status", everyItem(equalTo("requested")))
                .body("entry.resource.owner.reference", everyItem(equalTo("Organization/"
                        + PathwayStub.SMALLINGERLAND)))
                .body("entry.search.mode", everyItem(equalTo("match")))
                .body("link.find { it.relation == 'next' }.url", containsString("_page=1"))
                .extract();
        List<String> firstIds = first.path("entry.resource.id");
        String next = first.path("link.find { it.relation == 'next' }.url");
        List<String> secondIds = given().auth().oauth2(DemoTokens.forUser("daan")).accept(FHIR_JSON)
                .urlEncodingEnabled(false).get(next).then().statusCode(200)
                .body("entry.size()", equalTo(2)).extract().path("entry.resource.id");
        assertEquals(List.of(), secondIds.stream().filter(firstIds::contains).toList(), "pages do not overlap");

        read("daan", "Task?owner=Organization/" + PathwayStub.OPSTERLAND).statusCode(200)
                .body("total", equalTo(0)).body("entry", nullValue());
        read("anna", "Task?requester=Organization/practice-de-wieken&_count=5").statusCode(200)
                .body("entry.resource.requester.reference", everyItem(equalTo("Organization/practice-de-wieken")));
    }

    @Test
    void aPartnersSystemAsksWhatChangedSinceItLastLooked() {
        String older = referral(uniqueName(), "financial-debt");
        String seen = read("daan", "Task/" + older).statusCode(200).extract().path("meta.lastUpdated");
        String newer = referral(uniqueName(), "financial-debt");
        String since = "Task?_count=100&_lastUpdated=gt" + seen.replace("+", "%2B");
        List<String> changed = given().auth().oauth2(DemoTokens.forUser("daan")).accept(FHIR_JSON)
                .urlEncodingEnabled(false).get("/fhir/" + since).then().statusCode(200)
                .extract().path("entry.resource.id");
        assertTrue(changed.contains(newer) && !changed.contains(older), changed.toString());
        moveWithDetails("daan", older, "accepted").statusCode(200);
        changed = given().auth().oauth2(DemoTokens.forUser("daan")).accept(FHIR_JSON).urlEncodingEnabled(false)
                .get("/fhir/" + since).then().statusCode(200).extract().path("entry.resource.id");
        assertTrue(changed.containsAll(Set.of(older, newer)), "accepting changed the older one too: " + changed);
    }

    @Test
    void badSearchParametersAreNamedInAnOperationOutcome() {
        var outcome = read("daan", "Task?_count=1000&status=pending");
        assertOutcome(outcome, 400, "invalid");
        outcome.body("issue.expression.flatten()", equalTo(List.of("_count", "status")));
        assertOutcome(read("daan", "Task?_lastUpdated=ne2026-01-01"), 400, "invalid")
                .body("issue[0].expression[0]", equalTo("_lastUpdated"));
    }

    @Test
    void refusalsOutsideTheUseCasesAreOperationOutcomesToo() {
        assertOutcome(given().accept(FHIR_JSON).get("/fhir/Task").then(), 401, "login");
        assertOutcome(given().auth().oauth2("not-a-token").accept(FHIR_JSON).get("/fhir/Task").then(), 401, "login");
        assertOutcome(read("vera", "Task"), 403, "forbidden");
        assertOutcome(read("daan", "Encounter/1"), 404, "not-found");
        assertOutcome(given().auth().oauth2(DemoTokens.forUser("daan")).accept("application/fhir+xml")
                .get("/fhir/Task").then(), 406, "not-supported");
    }

    @Test
    void theSignalCatalogueIsTheCodeSystemOfServiceRequestCode() {
        read("daan", "CodeSystem/signal").statusCode(200)
                .body("resourceType", equalTo("CodeSystem"))
                .body("url", equalTo(ReferralAsFhir.SIGNALS))
                .body("content", equalTo("complete"))
                .body("count", equalTo(3))
                .body("concept.code", equalTo(List.of("financial-debt", "smoking", "social-network")))
                .body("concept[0].display", equalTo("Schulden"))
                .body("concept[0].designation[0].value", equalTo("Debts"))
                .body("concept[0].property[0].valueCode", equalTo("money"))
                .body("concept[0].property.find { it.code == 'sdoh-category' }.valueCoding.code",
                        equalTo("financial-insecurity"))
                .body("concept[1].property.find { it.code == 'sdoh-category' }.valueCoding.code",
                        equalTo("sdoh-category-unspecified"))
                .body("concept[2].property.find { it.code == 'sdoh-category' }.valueCoding.system",
                        equalTo(SdohCategories.SYSTEM));
        assertOutcome(read("daan", "CodeSystem/other"), 404, "not-found");
    }

    @Test
    void theCapabilityStatementIsPublicAndSaysR4() {
        given().accept(FHIR_JSON).get("/fhir/metadata").then().statusCode(200)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource.type", equalTo(List.of("Task", "ServiceRequest", "Patient", "Organization",
                        "CodeSystem")));
    }
}
