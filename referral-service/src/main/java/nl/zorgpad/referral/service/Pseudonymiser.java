package nl.zorgpad.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import nl.zorgpad.referral.config.ReferralConfig;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.ClientIdentity;

/** Client pseudonyms with the service's key. */
@ApplicationScoped
public class Pseudonymiser {

    private final byte[] key;

    public Pseudonymiser(ReferralConfig config) {
        this.key = config.pseudonymKey().getBytes(StandardCharsets.UTF_8);
    }

    public ClientIdentity.Pseudonyms of(ClientDetails client) {
        return ClientIdentity.pseudonyms(key, client.bsn(), client.name(), client.birthDate());
    }

    public Optional<String> byBsn(String bsn) {
        return ClientIdentity.bsnPseudonym(key, bsn);
    }

    public String byName(String name, LocalDate birthDate) {
        return ClientIdentity.namePseudonym(key, name, birthDate);
    }
}
