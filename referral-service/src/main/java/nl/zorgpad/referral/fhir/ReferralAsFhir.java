package nl.zorgpad.referral.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.SignalNote;
import nl.zorgpad.referral.service.CreatedReferrals;
import nl.zorgpad.referral.service.ReferralView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * A referral as FHIR R4 resources, after the HL7 Gravity SDOH referral: the handover is a Task (id = the referral's
 * id) whose status is the referral's; each signal is a ServiceRequest ({@code <referral id>-<n>}, n from 1 in the
 * order of {@code signalCodes}), the Task's focus is the first and its basedOn all of them; the client is a Patient
 * with the referral's id; the practice and the partner are Organizations by their ids. Built from the view the
 * reader is allowed, so FHIR shows exactly what the REST API shows that reader.
 */
final class ReferralAsFhir {

    static final String BSN = "http://fhir.nl/fhir/NamingSystem/bsn";
    static final String SIGNALS = "https://zorgpad.nl/fhir/CodeSystem/signal";
    static final String STATUS_REASONS = "https://zorgpad.nl/fhir/CodeSystem/status-reason";
    static final String SDOH_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category";
    static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";

    private ReferralAsFhir() {
    }

    static Task task(ReferralView r, int version) {
        Task task = task(r.id(), r.status(), r.signalCodes().size(), r.referringPracticeId(), r.partnerId(),
                r.partnerName(), r.acknowledgeDeadline());
        task.setMeta(meta(r, version));
        task.setAuthoredOn(Date.from(r.createdAt()));
        task.setLastModified(Date.from(r.updatedAt()));
        if (r.reasonCode() != null) {
            CodeableConcept reason = new CodeableConcept().setText(r.reasonText());
            reason.addCoding().setSystem(STATUS_REASONS).setCode(r.reasonCode());
            task.setStatusReason(reason);
        }
        if (r.outcome() != null) {
            task.addOutput().setType(new CodeableConcept().setText("outcome")).setValue(new StringType(r.outcome()));
        }
        return task;
    }

    /** A Task just created by a handover (version 0), from what the create answered. */
    static Task created(CreatedReferrals.CreatedHandover h, String practiceId, Instant createdAt) {
        Task task = task(h.referralId(), h.status(), h.signalCodes().size(), practiceId, h.partnerId(),
                h.partnerName(), h.acknowledgeDeadline());
        task.setMeta(new Meta().setVersionId("0").setLastUpdated(Date.from(createdAt)));
        task.setAuthoredOn(Date.from(createdAt));
        return task;
    }

    private static Task task(UUID id, String status, int signals, String practiceId, String partnerId,
                             String partnerName, LocalDate deadline) {
        Task task = new Task();
        task.setId(id.toString());
        task.setStatus(Task.TaskStatus.fromCode(status));
        task.setIntent(Task.TaskIntent.ORDER);
        task.getCode().addCoding().setSystem(TASK_CODES).setCode("fulfill");
        for (int n = 1; n <= signals; n++) {
            task.addBasedOn(new Reference("ServiceRequest/" + id + "-" + n));
        }
        task.setFocus(new Reference("ServiceRequest/" + id + "-1"));
        task.setFor(new Reference("Patient/" + id));
        task.setRequester(new Reference("Organization/" + practiceId));
        task.setOwner(new Reference("Organization/" + partnerId).setDisplay(partnerName));
        task.getRestriction().getPeriod().setEndElement(new DateTimeType(deadline.toString()));
        return task;
    }

    /** The signal at position {@code n} (from 1) of the referral. */
    static ServiceRequest serviceRequest(ReferralView r, int version, int n) {
        String code = r.signalCodes().get(n - 1);
        ServiceRequest request = new ServiceRequest();
        request.setId(r.id() + "-" + n);
        request.setMeta(meta(r, version));
        request.setStatus(requestStatus(r.status()));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.addCategory().addCoding().setSystem(SDOH_CATEGORY).setCode("sdoh")
                .setDisplay("SDOH");
        SdohCategories.of(code).forEach(category -> request.addCategory().addCoding(category));
        request.getCode().addCoding().setSystem(SIGNALS).setCode(code);
        request.setSubject(new Reference("Patient/" + r.id()));
        request.setRequester(new Reference("Organization/" + r.referringPracticeId()));
        request.addPerformer(new Reference("Organization/" + r.partnerId()).setDisplay(r.partnerName()));
        request.setAuthoredOn(Date.from(r.createdAt()));
        if (r.signals() != null) {
            r.signals().stream().filter(s -> s.code().equals(code)).map(SignalNote::note).filter(Objects::nonNull)
                    .findFirst().ifPresent(note -> request.addNote().setText(note));
        }
        return request;
    }

    /** The client as far as the consent let her details go; null once they are erased. */
    static Patient patient(ReferralView r, int version) {
        ClientDetails c = r.client();
        if (c == null) {
            return null;
        }
        Patient patient = new Patient();
        patient.setId(r.id().toString());
        patient.setMeta(meta(r, version));
        patient.addName().setText(c.name());
        patient.setBirthDateElement(new DateType(c.birthDate().toString()));
        if (c.bsn() != null) {
            patient.addIdentifier().setSystem(BSN).setValue(c.bsn());
        }
        if (c.phone() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(c.phone());
        }
        if (c.email() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(c.email());
        }
        patient.addAddress().setPostalCode(c.postcode()).addLine(c.houseNumber()).setCountry("NL");
        if (c.preferredLanguage() != null) {
            patient.addCommunication().setPreferred(true).getLanguage().setText(c.preferredLanguage());
        }
        PatientExtensions.write(patient, c);
        return patient;
    }

    static Organization organization(String id, String name) {
        Organization organization = new Organization();
        organization.setId(id);
        organization.setActive(true);
        organization.setName(name);
        return organization;
    }

    /** The referral and the position of the signal in a ServiceRequest id; empty when the id is not one of ours. */
    static Optional<RequestId> parseRequestId(String id) {
        if (id == null || id.length() < 38 || id.charAt(36) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(new RequestId(UUID.fromString(id.substring(0, 36)),
                    Integer.parseInt(id.substring(37))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    record RequestId(UUID referralId, int position) {
    }

    private static Meta meta(ReferralView r, int version) {
        return new Meta().setVersionId(String.valueOf(version)).setLastUpdated(Date.from(r.updatedAt()));
    }

    private static ServiceRequest.ServiceRequestStatus requestStatus(String status) {
        return switch (status) {
            case "completed" -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case "on-hold" -> ServiceRequest.ServiceRequestStatus.ONHOLD;
            case "rejected", "failed", "cancelled" -> ServiceRequest.ServiceRequestStatus.REVOKED;
            default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
        };
    }
}
