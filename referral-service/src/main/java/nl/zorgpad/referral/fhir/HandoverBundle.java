package nl.zorgpad.referral.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.Consent;
import nl.zorgpad.referral.domain.Referrer;
import nl.zorgpad.referral.domain.SignalNote;
import nl.zorgpad.referral.service.NewReferral;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A handover sent as a FHIR transaction Bundle, read into the same {@link NewReferral} the REST API takes, so that
 * one use case creates both. The Bundle holds (each entry {@code POST}, referenced by its {@code fullUrl}):
 * <ul>
 *   <li>one Patient: the client (name, birth date, BSN, phone, e-mail, postcode and house number, language; an
 *   interpreter's need, literacy note and safe-contact rules as {@link PatientExtensions});</li>
 *   <li>one Consent: who gave it ({@code performer.display}), when ({@code dateTime}), how ({@code category} in
 *   {@value #CONSENT_METHODS}), to which partner kinds ({@code provision.actor.role} in {@value #PARTNER_KINDS})
 *   and which data ({@code provision.code} in {@value #DATA_CATEGORIES});</li>
 *   <li>one Practitioner: the midwife who hands over, with a phone to call back;</li>
 *   <li>Observations of the pregnancy: the expected delivery date (LOINC {@value #DUE_DATE}) or the child's birth
 *   date (LOINC {@value #BIRTH_DATE}), and the vulnerability (code {@value #VULNERABILITY} of
 *   {@value #OBSERVATIONS});</li>
 *   <li>a ServiceRequest per signal (code in {@value ReferralAsFhir#SIGNALS}, the midwife's note as
 *   {@code note}, {@code priority} routine or urgent) and a Task per ServiceRequest ({@code focus} on it, status
 *   requested, intent order; an {@code owner} names the partner instead of the route).</li>
 * </ul>
 * What is wrong with the Bundle's shape is refused here, each fault with its FHIRPath; what is wrong with the
 * handover itself is refused by the use case, and {@link #expression} says where in the Bundle that field was.
 */
final class HandoverBundle {

    static final String CONSENT_METHODS = "https://zorgpad.nl/fhir/CodeSystem/consent-method";
    static final String PARTNER_KINDS = "https://zorgpad.nl/fhir/CodeSystem/partner-kind";
    static final String DATA_CATEGORIES = "https://zorgpad.nl/fhir/CodeSystem/data-category";
    static final String OBSERVATIONS = "https://zorgpad.nl/fhir/CodeSystem/observation";
    static final String VULNERABILITIES = "https://zorgpad.nl/fhir/CodeSystem/vulnerability";
    static final String LOINC = "http://loinc.org";
    static final String DUE_DATE = "11778-8";
    static final String BIRTH_DATE = "21112-8";
    static final String VULNERABILITY = "vulnerability";

    /** What each entry of the Bundle became; the response answers entry by entry in the same order. */
    enum Role { PATIENT, CONSENT, PRACTITIONER, OBSERVATION, SERVICE_REQUEST, TASK }

    record Entry(int index, Role role, String signalCode) {
    }

    private final Bundle bundle;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    /** Index of each kind's first entry, for {@link #expression}. */
    private final Map<Role, Integer> first = new LinkedHashMap<>();
    /** Index of each signal's ServiceRequest, in the order of the signals. */
    private final List<Integer> requestIndexes = new ArrayList<>();
    private NewReferral request;

    private HandoverBundle(Bundle bundle) {
        this.bundle = bundle;
    }

    /** Reads the Bundle; 422 naming every fault of its shape at once. */
    static HandoverBundle read(Bundle bundle) {
        HandoverBundle read = new HandoverBundle(bundle);
        read.readEntries();
        if (!read.errors.isEmpty()) {
            throw ProblemException.invalid("The transaction Bundle is not a handover: " + read.errors.size()
                    + " fault(s)", read.errors);
        }
        return read;
    }

    NewReferral request() {
        return request;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The FHIRPath in the Bundle of a field of {@link NewReferral}, for the use case's own refusals. */
    String expression(String field) {
        String root = field.replaceAll("\\[\\d+]", "");
        int signal = field.matches("signals\\[\\d+].*")
                ? Integer.parseInt(field.replaceAll("^signals\\[(\\d+)].*", "$1")) : 0;
        String path = switch (root) {
            case "client.name" -> at(Role.PATIENT, "name");
            case "client.birthDate" -> at(Role.PATIENT, "birthDate");
            case "client.bsn" -> at(Role.PATIENT, "identifier");
            case "client.phone", "client.email" -> at(Role.PATIENT, "telecom");
            case "client.postcode" -> at(Role.PATIENT, "address.postalCode");
            case "client.houseNumber" -> at(Role.PATIENT, "address.line");
            case "client.preferredLanguage" -> at(Role.PATIENT, "communication.language");
            case "client.literacyNote" -> at(Role.PATIENT, extension(PatientExtensions.LITERACY_NOTE));
            case "client.safeContact", "client.safeContact.channels", "client.safeContact.phone",
                 "client.safeContact.times", "client.safeContact.times.days", "client.safeContact.times.from",
                 "client.safeContact.times.until", "client.safeContact.note" ->
                    at(Role.PATIENT, extension(PatientExtensions.SAFE_CONTACT));
            case "client" -> at(Role.PATIENT, "");
            case "consent" -> at(Role.CONSENT, "");
            case "consent.givenBy" -> at(Role.CONSENT, "performer");
            case "consent.givenAt" -> at(Role.CONSENT, "dateTime");
            case "consent.method" -> at(Role.CONSENT, "category");
            case "consent.partnerKinds" -> at(Role.CONSENT, "provision.actor.role");
            case "consent.dataCategories" -> at(Role.CONSENT, "provision.code");
            case "referrer", "referrer.role" -> at(Role.PRACTITIONER, "");
            case "referrer.name" -> at(Role.PRACTITIONER, "name");
            case "referrer.phone" -> at(Role.PRACTITIONER, "telecom");
            case "pregnancy", "pregnancy.dueDate", "pregnancy.birthDate", "pregnancy.vulnerability" ->
                    first.containsKey(Role.OBSERVATION) ? at(Role.OBSERVATION, "value")
                            : "Bundle.entry.resource.ofType(Observation)";
            case "pregnancy.urgency" -> request(0, "priority");
            case "signals" -> "Bundle.entry.resource.ofType(ServiceRequest)";
            case "signals.code" -> request(signal, "code");
            case "signals.note" -> request(signal, "note");
            case "partnerId" -> "Bundle.entry.resource.ofType(Task).owner";
            default -> field;
        };
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }

    private static String extension(String url) {
        return "extension.where(url = '" + url + "')";
    }

    private String at(Role role, String element) {
        Integer index = first.get(role);
        return index == null ? "Bundle.entry" : "Bundle.entry[" + index + "].resource." + element;
    }

    private String request(int signal, String element) {
        return signal < requestIndexes.size() ? "Bundle.entry[" + requestIndexes.get(signal) + "].resource." + element
                : "Bundle.entry.resource.ofType(ServiceRequest)." + element;
    }

    private void readEntries() {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            errors.add(new FieldError("Bundle.type", "must be transaction"));
        }
        Map<String, Integer> byUrl = new LinkedHashMap<>();
        List<Bundle.BundleEntryComponent> all = bundle.getEntry();
        for (int i = 0; i < all.size(); i++) {
            Bundle.BundleEntryComponent entry = all.get(i);
            String at = "Bundle.entry[" + i + "]";
            if (!entry.hasResource()) {
                errors.add(new FieldError(at + ".resource", "is required"));
                continue;
            }
            if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
                errors.add(new FieldError(at + ".request.method", "must be POST: a handover only creates"));
            }
            if (entry.hasFullUrl()) {
                byUrl.put(entry.getFullUrl(), i);
            }
            Role role = role(entry.getResource());
            if (role == null) {
                errors.add(new FieldError(at + ".resource", entry.getResource().fhirType() + " is not part of a "
                        + "handover (Patient, Consent, Practitioner, Observation, ServiceRequest, Task)"));
                continue;
            }
            first.putIfAbsent(role, i);
        }
        for (Role role : List.of(Role.PATIENT, Role.CONSENT, Role.PRACTITIONER)) {
            long count = all.stream().filter(e -> e.hasResource() && role(e.getResource()) == role).count();
            if (count != 1) {
                errors.add(new FieldError("Bundle.entry", "must hold exactly one " + typeName(role) + ", holds "
                        + count));
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        Patient patient = (Patient) all.get(first.get(Role.PATIENT)).getResource();
        String patientUrl = all.get(first.get(Role.PATIENT)).getFullUrl();
        org.hl7.fhir.r4.model.Consent consent =
                (org.hl7.fhir.r4.model.Consent) all.get(first.get(Role.CONSENT)).getResource();
        Practitioner practitioner = (Practitioner) all.get(first.get(Role.PRACTITIONER)).getResource();
        if (patient.hasBirthDate() && patient.getBirthDateElement().getPrecision().compareTo(TemporalPrecisionEnum.DAY)
                < 0) {
            errors.add(new FieldError(at(Role.PATIENT, "birthDate"), "must be a full date (yyyy-mm-dd)"));
        }

        List<SignalNote> signals = new ArrayList<>();
        List<String> priorities = new ArrayList<>();
        Map<String, String> signalOfRequestUrl = new LinkedHashMap<>();
        Observations observations = new Observations();
        String owner = null;
        for (int i = 0; i < all.size(); i++) {
            Resource resource = all.get(i).getResource();
            String at = "Bundle.entry[" + i + "].resource";
            if (resource instanceof ServiceRequest sr) {
                String code = code(sr.getCode(), ReferralAsFhir.SIGNALS);
                if (code == null) {
                    errors.add(new FieldError(at + ".code", "must hold a coding of " + ReferralAsFhir.SIGNALS));
                }
                if (!references(sr.getSubject(), patientUrl)) {
                    errors.add(new FieldError(at + ".subject", "must refer to the Patient of this Bundle"));
                }
                signals.add(new SignalNote(code, sr.getNote().isEmpty() ? null : sr.getNoteFirstRep().getText()));
                priorities.add(sr.hasPriority() ? sr.getPriority().toCode() : null);
                signalOfRequestUrl.put(all.get(i).getFullUrl(), code);
                requestIndexes.add(i);
                entries.add(new Entry(i, Role.SERVICE_REQUEST, code));
            } else if (resource instanceof Observation observation) {
                observations.read(observation, at, errors);
                entries.add(new Entry(i, Role.OBSERVATION, null));
            } else if (!(resource instanceof Task)) {
                entries.add(new Entry(i, role(resource), null));
            }
        }
        if (signals.isEmpty()) {
            errors.add(new FieldError("Bundle.entry", "must hold a ServiceRequest for each signal"));
        }
        int tasks = 0;
        for (int i = 0; i < all.size(); i++) {
            if (!(all.get(i).getResource() instanceof Task task)) {
                continue;
            }
            tasks++;
            String at = "Bundle.entry[" + i + "].resource";
            String focus = task.getFocus().getReference();
            if (focus == null || !signalOfRequestUrl.containsKey(focus)) {
                errors.add(new FieldError(at + ".focus", "must refer to a ServiceRequest of this Bundle"));
            }
            if (task.getIntent() != Task.TaskIntent.ORDER) {
                errors.add(new FieldError(at + ".intent", "must be order"));
            }
            if (task.getStatus() != Task.TaskStatus.REQUESTED) {
                errors.add(new FieldError(at + ".status", "must be requested"));
            }
            if (task.hasOwner()) {
                String named = task.getOwner().getReferenceElement().getIdPart();
                if (owner != null && !owner.equals(named)) {
                    errors.add(new FieldError(at + ".owner", "names another partner than an earlier Task"));
                }
                owner = named;
            }
            entries.add(new Entry(i, Role.TASK, signalOfRequestUrl.get(focus)));
        }
        if (tasks != signals.size()) {
            errors.add(new FieldError("Bundle.entry", "must hold one Task per ServiceRequest: " + signals.size()
                    + " ServiceRequest(s), " + tasks + " Task(s)"));
        }
        entries.sort((a, b) -> Integer.compare(a.index(), b.index()));
        if (!errors.isEmpty()) {
            return;
        }
        String urgency = priorities.stream().filter(Objects::nonNull).findFirst().orElse("routine");
        request = new NewReferral(client(patient), new NewReferral.Pregnancy(observations.dueDate,
                observations.childBirthDate, observations.vulnerability, urgency), signals, consent(consent),
                referrer(practitioner), owner);
    }

    private static ClientDetails client(Patient p) {
        String name = p.getName().isEmpty() ? null : p.getNameFirstRep().hasText() ? p.getNameFirstRep().getText()
                : p.getNameFirstRep().getNameAsSingleString();
        LocalDate birthDate = p.hasBirthDate() ? LocalDate.parse(p.getBirthDateElement().getValueAsString()) : null;
        String bsn = p.getIdentifier().stream().filter(i -> ReferralAsFhir.BSN.equals(i.getSystem()))
                .map(i -> i.getValue()).findFirst().orElse(null);
        String address = p.getAddress().isEmpty() ? null : p.getAddressFirstRep().getPostalCode();
        String houseNumber = p.getAddress().isEmpty() || p.getAddressFirstRep().getLine().isEmpty() ? null
                : p.getAddressFirstRep().getLine().get(0).getValue();
        String language = p.getCommunication().isEmpty() ? null : p.getCommunicationFirstRep().getLanguage().hasText()
                ? p.getCommunicationFirstRep().getLanguage().getText()
                : code(p.getCommunicationFirstRep().getLanguage(), null);
        return new ClientDetails(name, birthDate, bsn, telecom(p.getTelecom(), ContactPoint.ContactPointSystem.PHONE),
                telecom(p.getTelecom(), ContactPoint.ContactPointSystem.EMAIL), address, houseNumber, language,
                PatientExtensions.interpreterNeeded(p), PatientExtensions.literacyNote(p),
                PatientExtensions.safeContact(p));
    }

    private static Consent consent(org.hl7.fhir.r4.model.Consent c) {
        String givenBy = c.getPerformer().isEmpty() ? null : c.getPerformerFirstRep().getDisplay();
        String method = c.getCategory().stream().map(cc -> code(cc, CONSENT_METHODS)).filter(Objects::nonNull)
                .findFirst().orElse(null);
        List<String> kinds = c.getProvision().getActor().stream().map(a -> code(a.getRole(), PARTNER_KINDS))
                .filter(Objects::nonNull).toList();
        List<String> categories = c.getProvision().getCode().stream().map(cc -> code(cc, DATA_CATEGORIES))
                .filter(Objects::nonNull).toList();
        return new Consent(givenBy, c.hasDateTime() ? c.getDateTime().toInstant() : null, method, kinds, categories);
    }

    private static Referrer referrer(Practitioner p) {
        String name = p.getName().isEmpty() ? null : p.getNameFirstRep().hasText() ? p.getNameFirstRep().getText()
                : p.getNameFirstRep().getNameAsSingleString();
        return new Referrer(name, "midwife", telecom(p.getTelecom(), ContactPoint.ContactPointSystem.PHONE));
    }

    /** The pregnancy as Observations: due date or the child's birth date, and the vulnerability. */
    private static final class Observations {
        LocalDate dueDate;
        LocalDate childBirthDate;
        String vulnerability;

        void read(Observation o, String at, List<FieldError> errors) {
            String loinc = code(o.getCode(), LOINC);
            if (DUE_DATE.equals(loinc) || BIRTH_DATE.equals(loinc)) {
                if (!o.hasValueDateTimeType() || o.getValueDateTimeType().getPrecision().compareTo(
                        TemporalPrecisionEnum.DAY) < 0) {
                    errors.add(new FieldError(at + ".value", "must be a day (valueDateTime yyyy-mm-dd)"));
                    return;
                }
                LocalDate date = LocalDate.of(o.getValueDateTimeType().getYear(),
                        o.getValueDateTimeType().getMonth() + 1, o.getValueDateTimeType().getDay());
                if (DUE_DATE.equals(loinc)) {
                    dueDate = date;
                } else {
                    childBirthDate = date;
                }
            } else if (VULNERABILITY.equals(code(o.getCode(), OBSERVATIONS))) {
                vulnerability = o.hasValueCodeableConcept() ? code(o.getValueCodeableConcept(), VULNERABILITIES)
                        : null;
                if (vulnerability == null) {
                    errors.add(new FieldError(at + ".value", "must be a coding of " + VULNERABILITIES));
                }
            } else {
                errors.add(new FieldError(at + ".code", "must be LOINC " + DUE_DATE + " (expected delivery date), "
                        + BIRTH_DATE + " (the child's birth date) or " + OBSERVATIONS + "#" + VULNERABILITY));
            }
        }
    }

    private static Role role(Resource resource) {
        return switch (resource.fhirType()) {
            case "Patient" -> Role.PATIENT;
            case "Consent" -> Role.CONSENT;
            case "Practitioner" -> Role.PRACTITIONER;
            case "Observation" -> Role.OBSERVATION;
            case "ServiceRequest" -> Role.SERVICE_REQUEST;
            case "Task" -> Role.TASK;
            default -> null;
        };
    }

    private static String typeName(Role role) {
        return switch (role) {
            case PATIENT -> "Patient";
            case CONSENT -> "Consent";
            default -> "Practitioner";
        };
    }

    private static boolean references(Reference reference, String fullUrl) {
        return fullUrl != null && fullUrl.equals(reference.getReference());
    }

    /** The code of the first coding in {@code system} (any system when null). */
    static String code(CodeableConcept concept, String system) {
        return concept.getCoding().stream().filter(c -> system == null || system.equals(c.getSystem()))
                .map(Coding::getCode).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String telecom(List<ContactPoint> telecom, ContactPoint.ContactPointSystem system) {
        return telecom.stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    static Optional<String> ifNoneExist(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getRequest().getIfNoneExist()).filter(Objects::nonNull)
                .findFirst();
    }
}
