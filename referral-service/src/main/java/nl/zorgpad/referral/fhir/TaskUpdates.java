package nl.zorgpad.referral.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.referral.service.ReferralLifecycle;
import nl.zorgpad.referral.service.ReferralQueries;
import nl.zorgpad.referral.service.Refusals;
import nl.zorgpad.referral.service.StatusRequest;
import nl.zorgpad.referral.service.Versioned;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * A Task changed by {@code PUT} (the whole Task) or {@code PATCH} (JSON Patch), with {@code If-Match}: a status
 * change of the referral by the same use case as {@code POST /api/referrals/{id}/status}, so the same lifecycle
 * rules apply (409 on an illegal move, 412 on a stale version, 428 without If-Match). Only {@code status},
 * {@code statusReason} (the reason's code in {@value ReferralAsFhir#STATUS_REASONS} and its text) and
 * {@code output} (the outcome) can change; a change to anything else is refused.
 */
@ApplicationScoped
public class TaskUpdates {

    private final ReferralQueries queries;
    private final ReferralLifecycle lifecycle;
    private final FhirFormat fhir;

    public TaskUpdates(ReferralQueries queries, ReferralLifecycle lifecycle, FhirFormat fhir) {
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.fhir = fhir;
    }

    public Versioned<Task> put(Caller caller, UUID id, String ifMatch, Task changed) {
        Integer expected = Versioned.fromIfMatch(ifMatch);
        var current = queries.get(caller, id);
        return change(caller, id, expected, ReferralAsFhir.task(current.value(), current.version()), changed);
    }

    public Versioned<Task> patch(Caller caller, UUID id, String ifMatch, String jsonPatch) {
        Integer expected = Versioned.fromIfMatch(ifMatch);
        var current = queries.get(caller, id);
        Task before = ReferralAsFhir.task(current.value(), current.version());
        JsonObject patched;
        try {
            JsonArray operations = Json.createReader(new StringReader(jsonPatch)).readArray();
            JsonObject document = Json.createReader(new StringReader(fhir.write(before))).readObject();
            patched = Json.createPatch(operations).apply(document);
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            throw new ProblemException(ProblemType.UNREADABLE, "Not a JSON Patch that applies to the Task: "
                    + e.getMessage(), List.of(new FieldError("", "not an applicable JSON Patch")), Map.of());
        }
        return change(caller, id, expected, before, fhir.read(Task.class, patched.toString()));
    }

    private Versioned<Task> change(Caller caller, UUID id, Integer expected, Task before, Task after) {
        if (after.hasIdElement() && !id.toString().equals(after.getIdElement().getIdPart())) {
            throw ProblemException.invalid("Task.id", "must be the id in the path");
        }
        if (!unchangeable(before).equalsDeep(unchangeable(after))) {
            throw ProblemException.invalid("Task", "only status, statusReason and output can change");
        }
        StatusRequest move = new StatusRequest(after.hasStatus() ? after.getStatus().toCode() : null,
                after.hasStatusReason() ? HandoverBundle.code(after.getStatusReason(), ReferralAsFhir.STATUS_REASONS)
                        : null,
                after.hasStatusReason() ? after.getStatusReason().getText() : null,
                after.getOutput().stream().filter(o -> o.getValue() instanceof StringType)
                        .map(o -> ((StringType) o.getValue()).getValue()).findFirst().orElse(null));
        if (before.getStatus() == after.getStatus() && before.getStatusReason().equalsDeep(after.getStatusReason())
                && before.getOutput().size() == after.getOutput().size()) {
            // Nothing to change: answered as a write would be, with the same version checks.
            int version = Integer.parseInt(before.getMeta().getVersionId());
            if (expected == null) {
                throw Refusals.preconditionRequired();
            }
            if (expected != version) {
                throw Refusals.stale(version);
            }
            return new Versioned<>(before, version);
        }
        try {
            var changed = lifecycle.changeStatus(caller, id, expected, move);
            return new Versioned<>(ReferralAsFhir.task(changed.value(), changed.version()), changed.version());
        } catch (ProblemException e) {
            throw OperationOutcomes.relocated(e.problem(), field -> switch (field) {
                case "status" -> "Task.status";
                case "reasonCode" -> "Task.statusReason.coding";
                case "reasonText" -> "Task.statusReason.text";
                case "outcome" -> "Task.output";
                default -> field;
            });
        }
    }

    /** What a Task update may not change: everything but status, statusReason, output and the metadata. */
    private static Task unchangeable(Task task) {
        Task copy = task.copy();
        copy.setStatus(null).setStatusReason(null).setOutput(null).setLastModified(null);
        copy.setText(null);
        copy.setMeta(null);
        copy.setIdElement(null);
        return copy;
    }
}
