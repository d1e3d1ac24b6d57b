package nl.zorgpad.referral.fhir;

import static nl.zorgpad.referral.fhir.FhirApi.as;
import static nl.zorgpad.referral.fhir.FhirApi.assertOutcome;
import static nl.zorgpad.referral.fhir.FhirApi.read;
import static nl.zorgpad.referral.support.Api.createAsAnna;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import nl.zorgpad.referral.support.Api;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.referral.support.PathwayStub;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The receiving team works a referral through FHIR Task updates, under the lifecycle rules of the REST API. */
@QuarkusTest
class FhirUpdateTest {

    private static final String JSON_PATCH = "application/json-patch+json";

    @Inject
    AgroalDataSource db;

    private static Task task(String user, String id) {
        return HandoverBundles.FHIR.newJsonParser().parseResource(Task.class,
                read(user, "Task/" + id).statusCode(200).extract().asString());
    }

    private static ValidatableResponse put(String user, Task task, String ifMatch) {
        var request = as(user).body(HandoverBundles.FHIR.newJsonParser().encodeResourceToString(task));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return FhirApi.valid(request.put("/fhir/Task/" + task.getIdElement().getIdPart()));
    }

    private static ValidatableResponse patch(String user, String id, String ifMatch, String patch) {
        return FhirApi.valid(as(user).contentType(JSON_PATCH).header("If-Match", ifMatch).body(patch)
                .patch("/fhir/Task/" + id));
    }

    @Test
    void theTeamAcceptsByPutAndBothEndsSeeIt() {
        String id = createAsAnna("financial-debt");
        Task task = task("daan", id);
        task.setStatus(Task.TaskStatus.ACCEPTED);
        put("daan", task, "W/\"0\"").statusCode(200).header("ETag", equalTo("W/\"1\""))
                .body("status", equalTo("accepted"));
        Api.as("anna").get("/api/referrals/" + id).then().body("status", equalTo("accepted"));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = "
                + "'referral.accepted'", UUID.fromString(id)));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND event = "
                + "'status-change' AND user_id = 'daan'", UUID.fromString(id)));
        // The same Task again changes nothing and is no error.
        put("daan", task("daan", id), "W/\"1\"").statusCode(200).header("ETag", equalTo("W/\"1\""));
    }

    @Test
    void theTeamRejectsByJsonPatchWithAReason() {
        String id = createAsAnna("financial-debt");
        patch("daan", id, "W/\"0\"", """
                [{"op":"replace","path":"/status","value":"rejected"},
                 {"op":"add","path":"/statusReason","value":{"coding":[{"system":"%s","code":"no-capacity"}],
                  "text":"Waiting list of eight weeks"}}]""".formatted(ReferralAsFhir.STATUS_REASONS))
                .statusCode(200).body("status", equalTo("rejected"))
                .body("statusReason.coding[0].code", equalTo("no-capacity"))
                .body("statusReason.text", equalTo("Waiting list of eight weeks"));
        Api.as("anna").get("/api/referrals/" + id).then().body("reasonCode", equalTo("no-capacity"))
                .body("reasonText", equalTo("Waiting list of eight weeks"));
    }

    @Test
    void completingCarriesTheOutcome() {
        String id = createAsAnna("financial-debt");
        Api.moveWithDetails("daan", id, "accepted").statusCode(200);
        Api.moveWithDetails("daan", id, "in-progress").statusCode(200);
        Task task = task("daan", id);
        task.setStatus(Task.TaskStatus.COMPLETED);
        task.addOutput().setType(new CodeableConcept().setText("outcome")).setValue(new StringType("Debt plan made"));
        put("daan", task, "W/\"2\"").statusCode(200).body("output[0].valueString", equalTo("Debt plan made"));
        read("anna", "Task/" + id).statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void theLifecycleRulesOfTheRestApiApply() {
        String id = createAsAnna("financial-debt");
        Task task = task("daan", id);
        task.setStatus(Task.TaskStatus.COMPLETED);
        assertOutcome(put("daan", task, "W/\"0\""), 409, "conflict");
        task.setStatus(Task.TaskStatus.ACCEPTED);
        assertOutcome(put("daan", task, "W/\"7\""), 412, "conflict");
        assertOutcome(put("daan", task, null), 428, "conflict");
        assertOutcome(put("anna", task, "W/\"0\""), 403, "forbidden");
        assertOutcome(put("bea", task, "W/\"0\""), 404, "not-found");
        task.setStatus(Task.TaskStatus.REJECTED);
        assertOutcome(put("daan", task, "W/\"0\""), 422, "invalid")
                .body("issue.expression.flatten()", hasItem("Task.statusReason.coding"));
        Task moved = task("daan", id);
        moved.setOwner(new Reference("Organization/" + PathwayStub.OPSTERLAND));
        assertOutcome(put("daan", moved, "W/\"0\""), 422, "invalid").body("issue[0].expression[0]", equalTo("Task"));
        read("daan", "Task/" + id).statusCode(200).body("status", equalTo("requested"))
                .body("meta.versionId", equalTo("0"));
    }

    @Test
    void aPatchThatIsNoJsonPatchOrDoesNotApplyIsRefused() {
        String id = createAsAnna("financial-debt");
        assertOutcome(patch("daan", id, "W/\"0\"", "{\"op\":\"replace\"}"), 400, "structure");
        assertOutcome(patch("daan", id, "W/\"0\"", "[{\"op\":\"remove\",\"path\":\"/nothing/here\"}]"), 400,
                "structure");
        assertOutcome(patch("daan", id, "W/\"0\"", "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"done\"}]"),
                400, "structure");
        read("daan", "Task/" + id).statusCode(200).body("status", equalTo("requested"));
    }
}
