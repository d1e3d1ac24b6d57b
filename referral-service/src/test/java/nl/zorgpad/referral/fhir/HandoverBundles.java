package nl.zorgpad.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** Transaction Bundles as practice software would send them, to break one part at a time in a test. */
public final class HandoverBundles {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    private HandoverBundles() {
    }

    /** A valid handover of a family with a fresh BSN for the given signals, consent for district teams. */
    public static Bundle handover(String name, String... signals) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        // Entries refer to each other by their fullUrls, which R4 wants as lower-case UUIDs.
        String patientUrl = newUrl();
        String midwifeUrl = newUrl();
        String[] requestUrls = new String[signals.length];
        Patient patient = new Patient();
        patient.addName().setText(name);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1995-04-12"));
        patient.addIdentifier().setSystem(ReferralAsFhir.BSN).setValue(bsn());
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0612345678");
        patient.addAddress().setPostalCode("9203 AB").addLine("14");
        patient.addCommunication().getLanguage().setText("nl");
        add(bundle, patientUrl, patient);

        Consent consent = new Consent();
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope")
                .setCode("patient-privacy");
        consent.addCategory().addCoding().setSystem("http://loinc.org").setCode("59284-0");
        consent.addCategory().addCoding().setSystem(HandoverBundle.CONSENT_METHODS).setCode("verbal");
        consent.setPatient(new Reference(patientUrl));
        consent.setDateTime(Date.from(java.time.Instant.now().minusSeconds(600)));
        consent.addPerformer().setDisplay("client");
        consent.getPolicyRule().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode")
                .setCode("OPTIN");
        var actor = consent.getProvision().addActor();
        actor.getRole().addCoding().setSystem(HandoverBundle.PARTNER_KINDS).setCode("district-team");
        actor.getReference().setDisplay("het wijkteam dat de route kiest");
        for (String category : new String[] {"identity", "contact", "signals", "language"}) {
            consent.getProvision().addCode().addCoding().setSystem(HandoverBundle.DATA_CATEGORIES).setCode(category);
        }
        add(bundle, newUrl(), consent);

        Practitioner midwife = new Practitioner();
        midwife.addName().setText("Anna de Vries");
        midwife.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0512 123456");
        add(bundle, midwifeUrl, midwife);

        Observation due = new Observation();
        due.setStatus(Observation.ObservationStatus.FINAL);
        due.getCode().addCoding().setSystem(HandoverBundle.LOINC).setCode(HandoverBundle.DUE_DATE);
        due.setSubject(new Reference(patientUrl));
        due.setValue(new DateTimeType(LocalDate.now().plusWeeks(20).toString()));
        add(bundle, newUrl(), due);

        Observation vulnerability = new Observation();
        vulnerability.setStatus(Observation.ObservationStatus.FINAL);
        vulnerability.getCode().addCoding().setSystem(HandoverBundle.OBSERVATIONS)
                .setCode(HandoverBundle.VULNERABILITY);
        vulnerability.setSubject(new Reference(patientUrl));
        CodeableConcept level = new CodeableConcept();
        level.addCoding().setSystem(HandoverBundle.VULNERABILITIES).setCode("vulnerable");
        vulnerability.setValue(level);
        add(bundle, newUrl(), vulnerability);

        for (int i = 0; i < signals.length; i++) {
            ServiceRequest request = new ServiceRequest();
            request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
            request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
            request.addCategory().addCoding().setSystem(ReferralAsFhir.SDOH_CATEGORY).setCode("sdoh");
            request.getCode().addCoding().setSystem(ReferralAsFhir.SIGNALS).setCode(signals[i]);
            request.setSubject(new Reference(patientUrl));
            request.setRequester(new Reference(midwifeUrl));
            request.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);
            request.addNote().setText("Note on " + signals[i]);
            requestUrls[i] = newUrl();
            add(bundle, requestUrls[i], request);
        }
        for (int i = 0; i < signals.length; i++) {
            Task task = new Task();
            task.setStatus(Task.TaskStatus.REQUESTED);
            task.setIntent(Task.TaskIntent.ORDER);
            task.setFocus(new Reference(requestUrls[i]));
            task.setFor(new Reference(patientUrl));
            add(bundle, newUrl(), task);
        }
        return bundle;
    }

    private static String newUrl() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    public static String json(Bundle bundle) {
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    public static <T extends Resource> T first(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).findFirst().orElseThrow();
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl(resource.fhirType());
    }

    /** A random BSN that passes the 11-check: 9d1 + 8d2 + ... + 2d8 - d9 is a multiple of 11. */
    public static String bsn() {
        while (true) {
            String first = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (first.charAt(i) - '0');
            }
            int last = sum % 11;
            if (last < 10) {
                return first + last;
            }
        }
    }
}
