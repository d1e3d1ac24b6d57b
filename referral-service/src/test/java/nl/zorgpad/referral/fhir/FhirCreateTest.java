package nl.zorgpad.referral.fhir;

import static nl.zorgpad.referral.fhir.FhirApi.FHIR_JSON;
import static nl.zorgpad.referral.fhir.FhirApi.as;
import static nl.zorgpad.referral.fhir.FhirApi.assertOutcome;
import static nl.zorgpad.referral.fhir.FhirApi.read;
import static nl.zorgpad.referral.fhir.HandoverBundles.first;
import static nl.zorgpad.referral.fhir.HandoverBundles.handover;
import static nl.zorgpad.referral.fhir.HandoverBundles.json;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nl.zorgpad.referral.support.Api;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.referral.support.PathwayStub;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.TimeType;
import org.junit.jupiter.api.Test;

/**
 * A handover by transaction Bundle goes through the same use case as {@code POST /api/referrals}: routing, consent,
 * idempotency, the duplicate check, the access log and the outbox; every broken Bundle is an OperationOutcome and
 * stores nothing.
 */
@QuarkusTest
class FhirCreateTest {

    @Inject
    AgroalDataSource db;

    private long referrals() {
        return Db.count(db, "SELECT count(*) FROM referral");
    }

    private static ValidatableResponse post(String user, Bundle bundle) {
        return FhirApi.valid(as(user).body(json(bundle)).post("/fhir"));
    }

    @Test
    void aPracticeRefersByTransactionBundleAndTheTeamReadsTheTask() {
        String name = uniqueName();
        var answer = post("anna", handover(name, "financial-debt", "poverty-income", "smoking")).statusCode(200)
                .contentType(containsString(FHIR_JSON))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("transaction-response"))
                .body("entry.size()", equalTo(11))
                .body("entry[0].response.location", containsString("Patient/"))
                .body("entry[8].response.status", equalTo("201 Created"))
                .body("entry[8].resource.owner.reference", equalTo("Organization/" + PathwayStub.SMALLINGERLAND))
                .body("entry[10].resource.owner.reference", equalTo("Organization/" + PathwayStub.OPSTERLAND))
                .extract();
        String toSmallingerland = answer.path("entry[8].resource.id");
        assertEquals("Task/" + toSmallingerland + "/_history/0", answer.path("entry[9].response.location"),
                "two signals for one partner: one Task");
        assertNotEquals(toSmallingerland, answer.path("entry[10].resource.id"));
        assertEquals("ServiceRequest/" + toSmallingerland + "-2", answer.path("entry[6].response.location"));

        read("daan", "Task/" + toSmallingerland).statusCode(200)
                .body("status", equalTo("requested"))
                .body("requester.reference", equalTo("Organization/practice-de-wieken"))
                .body("restriction.period.end", equalTo(answer.path("entry[8].resource.restriction.period.end")));
        read("daan", "ServiceRequest/" + toSmallingerland + "-1").statusCode(200)
                .body("note[0].text", equalTo("Note on financial-debt"));
        // One model: the same referral through the REST API, as the midwife typed it into her system.
        Api.as("anna").get("/api/referrals/" + toSmallingerland).then().statusCode(200)
                .body("client.name", equalTo(name))
                .body("client.postcode", equalTo("9203AB"))
                .body("pregnancy", org.hamcrest.Matchers.nullValue())
                .body("vulnerability", equalTo("vulnerable"))
                .body("consent.method", equalTo("verbal"))
                .body("consent.partnerKinds", equalTo(List.of("district-team")))
                .body("referrer.name", equalTo("Anna de Vries"));
        // Notified pull: the event names the Task for the partner's FHIR client to read.
        assertEquals("http://localhost:8082/fhir/Task/" + toSmallingerland, Db.text(db, "SELECT payload::jsonb "
                + "-> 'data' ->> 'fhirTask' FROM outbox_event WHERE aggregate_id = ? AND type = 'referral.requested'",
                UUID.fromString(toSmallingerland)));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND event = 'create' "
                + "AND user_id = 'anna'", UUID.fromString(toSmallingerland)));
    }

    /** The Bundle of the README's curl example, with the dates the README's shell lines put in. */
    @Test
    void theReadmesExampleBundleRefersAFamily() throws IOException {
        String example = Files.readString(Path.of("examples", "fhir-handover.json"))
                .replace("DUE_DATE", LocalDate.now().plusWeeks(20).toString())
                .replace("CONSENT_TIME", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString());
        FhirApi.valid(as("anna").header("Idempotency-Key", UUID.randomUUID().toString()).body(example).post("/fhir"))
                .statusCode(200)
                .body("type", equalTo("transaction-response"))
                .body("entry[6].response.status", equalTo("201 Created"))
                .body("entry[6].resource.status", equalTo("requested"))
                .body("entry[6].resource.owner.reference", equalTo("Organization/" + PathwayStub.SMALLINGERLAND));
    }

    /** A family for whom contact can be dangerous: the safe-contact rules travel as Patient extensions. */
    @Test
    void theSafeContactRulesInterpreterAndLiteracyNoteGoBothWays() {
        Bundle bundle = handover(uniqueName(), "financial-debt");
        Patient patient = first(bundle, Patient.class);
        patient.addExtension(PatientExtensions.INTERPRETER_REQUIRED, new BooleanType(true));
        patient.addExtension(PatientExtensions.LITERACY_NOTE, new StringType("prefers spoken explanation"));
        patient.addExtension(safeContact("phone", "09:00:00", "14:30:00"));
        first(bundle, Consent.class).getProvision().addCode().addCoding()
                .setSystem(HandoverBundle.DATA_CATEGORIES).setCode("safe-contact");
        String id = post("anna", bundle).statusCode(200).extract().path("entry[6].resource.id");

        // As the REST API shows it to the receiving team: the same rules.
        Api.as("daan").get("/api/referrals/" + id).then().statusCode(200)
                .body("client.interpreterNeeded", equalTo(true))
                .body("client.literacyNote", equalTo("prefers spoken explanation"))
                .body("client.safeContact.channels", equalTo(List.of("phone")))
                .body("client.safeContact.phone", equalTo("0687654321"))
                .body("client.safeContact.times[0].days", equalTo(List.of("monday", "tuesday")))
                .body("client.safeContact.times[0].from", equalTo("09:00"))
                .body("client.safeContact.times[0].until", equalTo("14:30"))
                .body("client.safeContact.noMessages", equalTo(true))
                .body("client.safeContact.note", equalTo("never when her partner is home"));
        // And back as FHIR, to the team's FHIR client.
        String safe = "extension.find { it.url == '" + PatientExtensions.SAFE_CONTACT + "' }.extension";
        read("daan", "Patient/" + id).statusCode(200)
                .body("extension.find { it.url == '" + PatientExtensions.INTERPRETER_REQUIRED + "' }.valueBoolean",
                        equalTo(true))
                .body(safe + ".find { it.url == 'channel' }.valueCode", equalTo("phone"))
                .body(safe + ".find { it.url == 'time' }.extension.find { it.url == 'until' }.valueTime",
                        equalTo("14:30:00"))
                .body(safe + ".find { it.url == 'noMessages' }.valueBoolean", equalTo(true));
        read("eva", "Patient/" + id).statusCode(404);
    }

    @Test
    void aReferralMadeThroughTheRestApiShowsItsSafeContactAsFhir() {
        String id = Api.createAsAnna("financial-debt"); // with safe-contact rules and a literacy note
        String safe = "extension.find { it.url == '" + PatientExtensions.SAFE_CONTACT + "' }.extension";
        read("daan", "Patient/" + id).statusCode(200)
                .body(safe + ".findAll { it.url == 'channel' }.valueCode", equalTo(List.of("phone", "home-visit")))
                .body(safe + ".find { it.url == 'phone' }.valueString", equalTo("06 87654321"))
                .body(safe + ".find { it.url == 'time' }.extension.findAll { it.url == 'day' }.valueCode",
                        equalTo(List.of("monday", "wednesday")))
                .body(safe + ".find { it.url == 'note' }.valueString",
                        equalTo("Only this number, never when her partner is home"))
                .body("extension.find { it.url == '" + PatientExtensions.LITERACY_NOTE + "' }.valueString",
                        equalTo("prefers spoken explanation"))
                .body("extension.find { it.url == '" + PatientExtensions.INTERPRETER_REQUIRED + "' }",
                        org.hamcrest.Matchers.nullValue());
    }

    @Test
    void brokenSafeContactRulesAreRefusedAtTheirExtension() {
        long before = referrals();
        Bundle bundle = handover(uniqueName(), "financial-debt");
        first(bundle, Patient.class).addExtension(safeContact("pigeon", "15:00:00", "09:00:00"));
        first(bundle, Consent.class).getProvision().addCode().addCoding()
                .setSystem(HandoverBundle.DATA_CATEGORIES).setCode("safe-contact");
        post("anna", bundle).statusCode(422).body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem("Bundle.entry[0].resource.extension.where(url = '"
                        + PatientExtensions.SAFE_CONTACT + "')"))
                .body("issue.diagnostics", hasItem(containsString("one of [phone, text-message")))
                .body("issue.diagnostics", hasItem(containsString("later than from")));
        assertEquals(before, referrals(), "nothing stored");
    }

    private static Extension safeContact(String channel, String from, String until) {
        Extension safe = new Extension(PatientExtensions.SAFE_CONTACT);
        safe.addExtension("channel", new CodeType(channel));
        safe.addExtension("phone", new StringType("0687654321"));
        Extension time = safe.addExtension().setUrl("time");
        time.addExtension("day", new CodeType("monday"));
        time.addExtension("day", new CodeType("tuesday"));
        time.addExtension("from", new TimeType(from));
        time.addExtension("until", new TimeType(until));
        safe.addExtension("noMessages", new BooleanType(true));
        safe.addExtension("note", new StringType("never when her partner is home"));
        return safe;
    }

    @Test
    void aRetryWithTheSameKeyOrConditionAnswersTheSameAndStoresOnce() {
        Bundle bundle = handover(uniqueName(), "financial-debt");
        String key = UUID.randomUUID().toString();
        String first = as("anna").header("Idempotency-Key", key).body(json(bundle)).post("/fhir").then()
                .statusCode(200).extract().path("entry[6].resource.id");
        long stored = referrals();
        as("anna").header("Idempotency-Key", key).body(json(bundle)).post("/fhir").then().statusCode(200)
                .body("entry[6].resource.id", equalTo(first));
        assertEquals(stored, referrals());

        Bundle conditional = handover(uniqueName(), "financial-debt");
        conditional.getEntry().get(6).getRequest().setIfNoneExist("identifier=" + UUID.randomUUID());
        String created = post("anna", conditional).statusCode(200).extract().path("entry[6].resource.id");
        post("anna", conditional).statusCode(200).body("entry[6].resource.id", equalTo(created));
        assertEquals(stored + 1, referrals());
    }

    @Test
    void aDuplicateIsAConflictNamingTheOpenTask() {
        Bundle bundle = handover(uniqueName(), "financial-debt");
        String open = post("anna", bundle).statusCode(200).extract().path("entry[6].resource.id");
        long stored = referrals();
        assertOutcome(post("anna", bundle), 409, "duplicate")
                .body("issue[0].details.text", equalTo("Task/" + open));
        assertEquals(stored, referrals());
    }

    @Test
    void aSignalWithoutRouteIsAWarningOnItsEntriesWhileTheOthersAreCreated() {
        post("anna", handover(uniqueName(), "financial-debt", "nowhere-routed")).statusCode(200)
                .body("entry[7].response.status", equalTo("201 Created"))
                .body("entry[6].response.status", equalTo("422 Unprocessable Entity"))
                .body("entry[8].response.status", equalTo("422 Unprocessable Entity"))
                .body("entry[8].response.outcome.issue[0].severity", equalTo("warning"))
                .body("entry[8].response.outcome.issue[0].diagnostics", containsString("nowhere-routed"));
    }

    @Test
    void onlyAMidwifeCreates() {
        assertOutcome(post("daan", handover(uniqueName(), "financial-debt")), 403, "forbidden");
    }

    @Test
    void everyBrokenBundleIsAnOperationOutcomeAndStoresNothing() {
        long before = referrals();
        Map<String, Consumer<Bundle>> broken = new LinkedHashMap<>();
        broken.put("Bundle.type", b -> b.setType(Bundle.BundleType.BATCH));
        broken.put("Bundle.entry", b -> b.getEntry().remove(1)); // no Consent
        broken.put("Bundle.entry[1].resource.provision.actor.role", b -> first(b, Consent.class).getProvision()
                .getActorFirstRep().getRole().getCodingFirstRep().setCode("programme"));
        broken.put("Bundle.entry[1].resource.dateTime", b -> first(b, Consent.class)
                .setDateTime(new Date(System.currentTimeMillis() + 86_400_000L * 3)));
        broken.put("Bundle.entry[1].resource.category", b -> first(b, Consent.class).getCategory().remove(1));
        broken.put("Bundle.entry[1].resource.provision.code", b -> first(b, Consent.class).getProvision().getCode()
                .remove(1)); // no consent for contact data, which the Patient carries
        broken.put("Bundle.entry[6].resource.focus", b -> first(b, Task.class).setFocus(null));
        broken.put("Bundle.entry[6].resource.status", b -> first(b, Task.class).setStatus(Task.TaskStatus.DRAFT));
        broken.put("Bundle.entry[0].resource.identifier", b -> first(b, Patient.class).getIdentifierFirstRep()
                .setValue("123456789"));
        broken.put("Bundle.entry[0].resource.birthDate", b -> first(b, Patient.class)
                .setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1995")));
        broken.put("Bundle.entry[0].resource.telecom", b -> first(b, Patient.class).getTelecom().clear());
        broken.put("Bundle.entry[0].resource.address.postalCode", b -> first(b, Patient.class).getAddressFirstRep()
                .setPostalCode("12345"));
        broken.put("Bundle.entry[2].resource.name", b -> first(b, Practitioner.class).getName().clear());
        broken.put("Bundle.entry[5].resource.code", b -> first(b, ServiceRequest.class).getCode()
                .getCodingFirstRep().setSystem("http://snomed.info/sct"));
        broken.put("Bundle.entry[5].resource.subject", b -> first(b, ServiceRequest.class)
                .setSubject(new Reference("Patient/someone-else")));
        broken.put("Bundle.entry[5].resource.note", b -> first(b, ServiceRequest.class).getNote().clear());
        broken.put("Bundle.entry[3].resource.value", b -> first(b, Observation.class).setValue(new StringType("soon")));
        broken.put("Bundle.entry[4].resource.code", b -> ((Observation) b.getEntry().get(4).getResource()).getCode()
                .getCodingFirstRep().setCode("mood"));
        broken.put("Bundle.entry[0].request.method", b -> b.getEntry().get(0).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT));
        broken.put("Bundle.entry[7].resource", b -> b.addEntry().setResource(new Encounter()).getRequest()
                .setMethod(Bundle.HTTPVerb.POST));
        broken.put("Bundle.entry.resource.ofType(ServiceRequest)", b -> first(b, ServiceRequest.class).getCode()
                .getCodingFirstRep().setCode("unknown-signal"));
        for (var bad : broken.entrySet()) {
            Bundle bundle = handover(uniqueName(), "financial-debt");
            bad.getValue().accept(bundle);
            var refused = post("anna", bundle).statusCode(422).contentType(containsString(FHIR_JSON))
                    .body("resourceType", equalTo("OperationOutcome"))
                    .body("issue.expression.flatten()", hasItem(bad.getKey()));
            assertEquals(before, referrals(), "nothing stored for " + bad.getKey() + ": "
                    + refused.extract().asString());
        }
        assertEquals(21, broken.size());
    }

    @Test
    void whatBaseR4ForbidsIsRefusedByHapisValidatorAtItsElement() {
        long before = referrals();
        Bundle withoutPolicy = handover(uniqueName(), "financial-debt");
        first(withoutPolicy, Consent.class).setPolicyRule(null);
        post("anna", withoutPolicy).statusCode(422).contentType(containsString(FHIR_JSON))
                .body("issue.diagnostics", hasItem(containsString("ppc-1")))
                .body("issue.expression.flatten()", hasItem(startsWith("Bundle.entry[1].resource")));
        Bundle nobodyToContact = handover(uniqueName(), "financial-debt");
        first(nobodyToContact, Patient.class).addContact().addRelationship().setText("partner");
        post("anna", nobodyToContact).statusCode(422)
                .body("issue.diagnostics", hasItem(containsString("pat-1")))
                .body("issue.expression.flatten()", hasItem(startsWith("Bundle.entry[0].resource")));
        assertEquals(before, referrals(), "nothing stored");
    }

    @Test
    void whatIsNoFhirBundleAtAllIsRefusedUnread() {
        long before = referrals();
        assertOutcome(as("anna").body("{\"resourceType\":\"Patient\"}").post("/fhir").then(), 400, "structure");
        assertOutcome(as("anna").body("[{\"resourceType\":\"Bundle\"}]").post("/fhir").then(), 400, "structure");
        assertOutcome(as("anna").body("").post("/fhir").then(), 400, "structure");
        assertOutcome(as("anna").body("x".repeat(2 * 1024 * 1024)).post("/fhir").then(), 400, "structure");
        assertOutcome(as("anna").body("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"colour\":\"red\"}")
                .post("/fhir").then(), 400, "structure");
        assertOutcome(as("anna").contentType("application/fhir+xml").body("<Bundle xmlns=\"http://hl7.org/fhir\"/>")
                .post("/fhir").then(), 415, "not-supported");
        assertEquals(before, referrals());
    }
}
