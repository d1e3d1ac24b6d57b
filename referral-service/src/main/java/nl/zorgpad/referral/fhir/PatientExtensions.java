package nl.zorgpad.referral.fhir;

import java.util.List;
import java.util.Optional;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.SafeContact;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;

/**
 * What the REST API keeps about reaching a client that base FHIR has no element for, as extensions of the Patient:
 * the need for an interpreter (HL7's own {@value #INTERPRETER_REQUIRED}), how she prefers information
 * ({@value #LITERACY_NOTE}) and the safe-contact rules ({@value #SAFE_CONTACT}: sub-extensions {@code channel} (code,
 * repeated), {@code phone}, {@code time} (with {@code day} codes, repeated, {@code from} and {@code until} as time),
 * {@code noMessages} and {@code note}). Both ways, so that a handover sent as FHIR carries the safe-contact warning
 * and one made through the REST API shows it to a FHIR client of the receiving team. The Patient is read only by the
 * two ends of a referral, the only ones who see the rules through the REST API too.
 */
final class PatientExtensions {

    static final String INTERPRETER_REQUIRED = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired";
    static final String LITERACY_NOTE = "https://zorgpad.nl/fhir/StructureDefinition/literacy-note";
    static final String SAFE_CONTACT = "https://zorgpad.nl/fhir/StructureDefinition/safe-contact";

    private PatientExtensions() {
    }

    /** Adds the client's interpreter need, literacy note and safe-contact rules to the Patient. */
    static void write(Patient patient, ClientDetails client) {
        if (client.interpreterNeeded()) {
            patient.addExtension(INTERPRETER_REQUIRED, new BooleanType(true));
        }
        if (client.literacyNote() != null) {
            patient.addExtension(LITERACY_NOTE, new StringType(client.literacyNote()));
        }
        SafeContact rules = client.safeContact();
        if (rules == null) {
            return;
        }
        Extension safe = patient.addExtension().setUrl(SAFE_CONTACT);
        rules.channels().forEach(channel -> safe.addExtension("channel", new CodeType(channel)));
        if (rules.phone() != null) {
            safe.addExtension("phone", new StringType(rules.phone()));
        }
        for (SafeContact.SafeTime time : rules.times()) {
            Extension slot = safe.addExtension().setUrl("time");
            time.days().forEach(day -> slot.addExtension("day", new CodeType(day)));
            slot.addExtension("from", new TimeType(time.from() + ":00"));
            slot.addExtension("until", new TimeType(time.until() + ":00"));
        }
        safe.addExtension("noMessages", new BooleanType(rules.noMessages()));
        if (rules.note() != null) {
            safe.addExtension("note", new StringType(rules.note()));
        }
    }

    static boolean interpreterNeeded(Patient patient) {
        Type value = value(patient.getExtensionByUrl(INTERPRETER_REQUIRED));
        return value instanceof BooleanType flag && flag.booleanValue();
    }

    static String literacyNote(Patient patient) {
        return text(value(patient.getExtensionByUrl(LITERACY_NOTE)));
    }

    /**
     * The safe-contact rules, or null without the extension. Values are taken as written (a time without seconds
     * too); what they must be is checked by the use case, as for the REST API, with the extension as the place.
     */
    static SafeContact safeContact(Patient patient) {
        Extension safe = patient.getExtensionByUrl(SAFE_CONTACT);
        if (safe == null) {
            return null;
        }
        List<SafeContact.SafeTime> times = safe.getExtensionsByUrl("time").stream()
                .map(slot -> new SafeContact.SafeTime(texts(slot, "day"), time(slot, "from"), time(slot, "until")))
                .toList();
        Type noMessages = value(safe.getExtensionByUrl("noMessages"));
        return new SafeContact(texts(safe, "channel"), text(value(safe.getExtensionByUrl("phone"))), times,
                noMessages instanceof BooleanType flag && flag.booleanValue(),
                text(value(safe.getExtensionByUrl("note"))));
    }

    private static List<String> texts(Extension parent, String url) {
        return parent.getExtensionsByUrl(url).stream().map(e -> text(e.getValue())).toList();
    }

    /** HH:mm as the REST API writes it, from FHIR's HH:mm:ss. */
    private static String time(Extension parent, String url) {
        String time = text(value(parent.getExtensionByUrl(url)));
        return time != null && time.matches("\\d\\d:\\d\\d:00") ? time.substring(0, 5) : time;
    }

    private static Type value(Extension extension) {
        return Optional.ofNullable(extension).map(Extension::getValue).orElse(null);
    }

    private static String text(Type value) {
        return value instanceof PrimitiveType<?> primitive ? primitive.getValueAsString() : null;
    }
}
