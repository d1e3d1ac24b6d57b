package nl.zorgpad.referral.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.support.Api;
import nl.zorgpad.referral.support.PathwayStub;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The closed loop through HAPI FHIR's own generic client, a FHIR client this project did not write: the practice
 * software refers a family by transaction Bundle, the team searches its requested Tasks, reads the Patient,
 * accepts and completes; the practice reads the Task back; other tenants get 404 on every resource. Every resource
 * the service answers is checked by HAPI's R4 validator.
 */
@QuarkusTest
class FhirClientScenarioTest {

    @TestHTTPResource("/fhir")
    URL base;

    private final List<IBaseResource> answered = new ArrayList<>();

    private IGenericClient client(String token) {
        var fhir = HandoverBundles.FHIR;
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = fhir.newRestfulGenericClient(base.toString());
        client.setEncoding(EncodingEnum.JSON);
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    private <T extends IBaseResource> T answer(T resource) {
        answered.add(resource);
        return resource;
    }

    @Test
    void aPracticeRefersTheTeamWorksItAndOtherTenantsSeeNothing() {
        IGenericClient practice = client(DemoTokens.forClient("practice-software-demo"));
        IGenericClient team = client(DemoTokens.forUser("daan"));
        String key = UUID.randomUUID().toString();
        Bundle bundle = HandoverBundles.handover(Api.uniqueName(), "financial-debt");

        Bundle created = answer(practice.transaction().withBundle(bundle)
                .withAdditionalHeader("Idempotency-Key", key).execute());
        Task sent = (Task) created.getEntry().get(6).getResource();
        String id = sent.getIdElement().getIdPart();
        assertEquals("Organization/" + PathwayStub.SMALLINGERLAND, sent.getOwner().getReference());
        assertTrue(sent.getRestriction().getPeriod().hasEnd(), "the deadline");

        Bundle retried = answer(practice.transaction().withBundle(bundle)
                .withAdditionalHeader("Idempotency-Key", key).execute());
        assertEquals(id, retried.getEntry().get(6).getResource().getIdElement().getIdPart(), "a retry creates nothing");
        var duplicate = assertThrows(BaseServerResponseException.class,
                () -> practice.transaction().withBundle(bundle).execute());
        assertEquals(409, duplicate.getStatusCode());
        OperationOutcome why = answer((OperationOutcome) duplicate.getOperationOutcome());
        assertEquals("Task/" + id, why.getIssueFirstRep().getDetails().getText());

        Bundle requested = answer(team.search().forResource(Task.class)
                .where(Task.OWNER.hasId("Organization/" + PathwayStub.SMALLINGERLAND))
                .and(Task.STATUS.exactly().code("requested")).count(100).returnBundle(Bundle.class).execute());
        assertTrue(requested.getEntry().stream().anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(id)),
                "the team finds the new Task among its requested ones");
        Patient client = answer(team.read().resource(Patient.class).withId(id).execute());
        assertEquals(bundle.getEntryFirstRep().getResource().getChildByName("name").getValues().size(),
                client.getName().size());
        answer(team.read().resource(ServiceRequest.class).withId(id + "-1").execute());
        answer(team.read().resource(Organization.class).withId(PathwayStub.SMALLINGERLAND).execute());

        Task task = answer(team.read().resource(Task.class).withId(id).execute());
        task.setStatus(Task.TaskStatus.ACCEPTED);
        task = answer((Task) team.update().resource(task).withId(id)
                .withAdditionalHeader("If-Match", "W/\"0\"").execute().getResource());
        assertEquals(Task.TaskStatus.ACCEPTED, task.getStatus());
        task.setStatus(Task.TaskStatus.INPROGRESS);
        task = answer((Task) team.update().resource(task).withId(id)
                .withAdditionalHeader("If-Match", "W/\"1\"").execute().getResource());
        task.setStatus(Task.TaskStatus.COMPLETED);
        task.addOutput().setType(new CodeableConcept().setText("outcome")).setValue(new StringType("Debt plan made"));
        answer(team.update().resource(task).withId(id).withAdditionalHeader("If-Match", "W/\"2\"").execute()
                .getResource());

        Task back = answer(practice.read().resource(Task.class).withId(id).execute());
        assertEquals(Task.TaskStatus.COMPLETED, back.getStatus());
        assertEquals("Debt plan made", ((StringType) back.getOutputFirstRep().getValue()).getValue());

        for (String stranger : List.of("bea", "eva")) {
            IGenericClient other = client(DemoTokens.forUser(stranger));
            for (Class<? extends IBaseResource> type : List.of(Task.class, Patient.class)) {
                assertThrows(ResourceNotFoundException.class, () -> other.read().resource(type).withId(id).execute(),
                        stranger + " reads no " + type.getSimpleName());
            }
            assertThrows(ResourceNotFoundException.class,
                    () -> other.read().resource(ServiceRequest.class).withId(id + "-1").execute());
            Bundle theirs = other.search().forResource(Task.class).count(100).returnBundle(Bundle.class).execute();
            assertTrue(theirs.getEntry().stream().noneMatch(e -> e.getResource().getIdElement().getIdPart()
                    .equals(id)), stranger + " finds nothing of it");
        }
        assertThrows(ResourceNotFoundException.class, () -> client(DemoTokens.forUser("eva")).read()
                .resource(Organization.class).withId(PathwayStub.SMALLINGERLAND).execute());

        for (IBaseResource resource : answered) {
            assertEquals(List.of(), R4Validation.errors(resource), resource.fhirType() + " is valid R4");
        }
    }
}
