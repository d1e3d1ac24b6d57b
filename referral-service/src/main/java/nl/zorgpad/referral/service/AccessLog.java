package nl.zorgpad.referral.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import nl.zorgpad.referral.domain.Referral;

/**
 * NEN 7513 logging of every access to client data. Successful accesses are logged in the same transaction as the
 * access (no access without its record); refused ones in a transaction of their own, since the access rolls back.
 */
@ApplicationScoped
public class AccessLog {

    public static final String OK = "success";
    public static final String DENIED = "denied";

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String event, Referral referral, Caller caller, String outcome) {
        entry(event, referral.id, referral.clientBsnPseudonym, referral.clientNamePseudonym, caller, outcome)
                .persist();
    }

    /**
     * An access to a referral as the access log knows it: by id and the client's pseudonyms recorded there, which
     * stay after the referral's own are erased.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String event, UUID referralId, String clientBsnPseudonym, String clientNamePseudonym,
                       Caller caller, String outcome) {
        entry(event, referralId, clientBsnPseudonym, clientNamePseudonym, caller, outcome).persist();
    }

    public void recordRefusal(String event, Referral referral, Caller caller) {
        AccessLogEntry entry = entry(event, referral.id, referral.clientBsnPseudonym, referral.clientNamePseudonym,
                caller, DENIED);
        QuarkusTransaction.requiringNew().run(entry::persist);
    }

    private static AccessLogEntry entry(String event, UUID referralId, String clientBsnPseudonym,
                                        String clientNamePseudonym, Caller caller, String outcome) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.at = Instant.now();
        entry.event = event;
        entry.referralId = referralId;
        entry.clientBsnPseudonym = clientBsnPseudonym;
        entry.clientNamePseudonym = clientNamePseudonym;
        entry.userId = caller.userId();
        entry.organisationId = caller.organisationId();
        entry.onBehalfOf = caller.onBehalfOf();
        entry.outcome = outcome;
        return entry;
    }
}
