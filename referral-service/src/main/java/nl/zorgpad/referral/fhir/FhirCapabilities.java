package nl.zorgpad.referral.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * What {@code /fhir} supports, exactly: the resources, their interactions and search parameters. The statement is
 * published in {@code openapi/referral-service.fhir.json}; a test compares the running service's answer with it, as
 * the OpenAPI documents are compared with the code.
 */
final class FhirCapabilities {

    /** Changed by hand with the statement, so that the published document stays the same between builds. */
    static final String DATE = "2026-12-07";

    private FhirCapabilities() {
    }

    static CapabilityStatement statement() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDateElement(new DateTimeType(DATE));
        statement.setPublisher("zorgpad");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("zorgpad referral-service").setVersion("0.1.0");
        statement.getImplementation().setDescription("Referrals from midwife practices to social-domain partners "
                + "(Kansrijke Start), as HL7 Gravity SDOH ServiceRequest + Task");
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat(FhirFormat.MEDIA_TYPE).addFormat("json");

        CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Same tokens, roles and tenant rules as /api/referrals: a midwife (role midwife) sees "
                + "her practice's referrals, a district team (role district-team) those addressed to it; any other "
                + "resource is 404. Every read of client data is logged (NEN 7513).");
        rest.getSecurity().setDescription("OAuth 2.0 bearer tokens from the zorgpad Keycloak realm")
                .addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("OAuth");

        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("A handover (role midwife): one Patient, one Consent, one Practitioner, "
                        + "Observations of the pregnancy, a ServiceRequest per signal and a Task per ServiceRequest, "
                        + "each entry POST; Idempotency-Key or If-None-Exist makes a retry answer the same");
        CapabilityStatementRestResourceComponent task = resource(rest, "Task",
                "A referral: its status, owner, requester, deadline (restriction.period.end), reason and outcome",
                TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE, TypeRestfulInteraction.UPDATE,
                TypeRestfulInteraction.PATCH);
        task.setConditionalUpdate(false);
        task.getInteraction().stream().filter(i -> i.getCode() == TypeRestfulInteraction.UPDATE).findFirst()
                .ifPresent(i -> i.setDocumentation("If-Match required. Only status, statusReason (code in "
                        + ReferralAsFhir.STATUS_REASONS + " and text) and output (the outcome) change, by the "
                        + "lifecycle rules of /api/referrals/{id}/status; PATCH takes a JSON Patch"));
        search(task, "owner", Enumerations.SearchParamType.REFERENCE, "The partner organisation (Organization/id)");
        search(task, "requester", Enumerations.SearchParamType.REFERENCE, "The practice (Organization/id)");
        search(task, "status", Enumerations.SearchParamType.TOKEN, "One Task status");
        search(task, "_lastUpdated", Enumerations.SearchParamType.DATE, "When the referral last changed; prefixes "
                + "eq, gt, ge, lt, le; a date is a day in Europe/Amsterdam, a dateTime needs its offset");
        search(task, "_count", Enumerations.SearchParamType.NUMBER, "Page size, 1 to 100 (default 20)");
        resource(rest, "ServiceRequest", "One signal of a referral, coded in " + ReferralAsFhir.SIGNALS
                + ", with the midwife's note", TypeRestfulInteraction.READ);
        resource(rest, "Patient", "The client, as far as her consent lets her details go; 404 once erased",
                TypeRestfulInteraction.READ);
        resource(rest, "Organization", "The caller's own organisation and those at the other end of her referrals",
                TypeRestfulInteraction.READ);
        resource(rest, "CodeSystem", "CodeSystem/signal: the national signal catalogue (" + ReferralAsFhir.SIGNALS
                + "), read from pathway-service", TypeRestfulInteraction.READ);
        return statement;
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest,
                                                                      String type, String documentation,
                                                                      TypeRestfulInteraction... interactions) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type)
                .setDocumentation(documentation).setVersioning(ResourceVersionPolicy.VERSIONED)
                .setReadHistory(false).setUpdateCreate(false);
        List.of(interactions).forEach(i -> resource.addInteraction().setCode(i));
        return resource;
    }

    private static void search(CapabilityStatementRestResourceComponent resource, String name,
                               Enumerations.SearchParamType type, String documentation) {
        resource.addSearchParam().setName(name).setType(type).setDocumentation(documentation);
    }
}
