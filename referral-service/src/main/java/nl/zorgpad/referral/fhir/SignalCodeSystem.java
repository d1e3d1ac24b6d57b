package nl.zorgpad.referral.fhir;

import java.util.List;
import nl.zorgpad.referral.client.SignalCatalogueApi.SignalType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * The national signal catalogue (pathway-service's, read when asked) as the FHIR CodeSystem that
 * {@code ServiceRequest.code} uses: {@value ReferralAsFhir#SIGNALS}, one concept per signal type, displayed in Dutch
 * with an English designation, defined by its Dutch description, with its domain (money, housing, safety, ...) as a
 * property and its HL7 Gravity SDOH categories as another. Regions' local signal types are not in it: they hold for
 * one region only.
 */
final class SignalCodeSystem {

    static final String ID = "signal";

    private SignalCodeSystem() {
    }

    static CodeSystem of(List<SignalType> types) {
        CodeSystem system = new CodeSystem();
        system.setId(ID);
        system.setUrl(ReferralAsFhir.SIGNALS);
        system.setName("ZorgpadSignal");
        system.setTitle("Niet-medische signalen in de eerste 1000 dagen (Kansrijke Start)");
        system.setStatus(Enumerations.PublicationStatus.ACTIVE);
        system.setPublisher("zorgpad");
        system.setDescription("The national catalogue of non-medical signals a midwife may hand over to the social "
                + "domain; ServiceRequest.code of a zorgpad referral");
        system.setCaseSensitive(true);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        system.setCount(types.size());
        system.addProperty().setCode("domain").setType(CodeSystem.PropertyType.CODE)
                .setDescription("The area of life the signal belongs to (money, housing, safety, health, network, "
                        + "skills, pregnancy)");
        system.addProperty().setCode("sdoh-category").setType(CodeSystem.PropertyType.CODING)
                .setDescription("The HL7 Gravity SDOH category (or categories) of the signal, as in the "
                        + "ServiceRequest's category; sdoh-category-unspecified outside Gravity's domains");
        for (SignalType type : types) {
            var concept = system.addConcept().setCode(type.code()).setDisplay(type.labelNl())
                    .setDefinition(type.descriptionNl() != null ? type.descriptionNl() : type.description());
            if (type.labelEn() != null) {
                concept.addDesignation().setLanguage("en").setValue(type.labelEn());
            }
            if (type.domain() != null) {
                concept.addProperty().setCode("domain").setValue(new CodeType(type.domain()));
            }
            SdohCategories.of(type.code()).forEach(c -> concept.addProperty().setCode("sdoh-category").setValue(c));
        }
        return system;
    }
}
