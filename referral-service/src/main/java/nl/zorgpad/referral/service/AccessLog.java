package nl.zorgpad.referral.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
        entry(event, referral, caller, outcome).persist();
    }

    public void recordRefusal(String event, Referral referral, Caller caller) {
        AccessLogEntry entry = entry(event, referral, caller, DENIED);
        QuarkusTransaction.requiringNew().run(entry::persist);
    }

    private static AccessLogEntry entry(String event, Referral referral, Caller caller, String outcome) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.at = Instant.now();
        entry.event = event;
        entry.referralId = referral.id;
        entry.clientBsnPseudonym = referral.clientBsnPseudonym;
        entry.clientNamePseudonym = referral.clientNamePseudonym;
        entry.userId = caller.userId();
        entry.organisationId = caller.organisationId();
        entry.onBehalfOf = caller.onBehalfOf();
        entry.outcome = outcome;
        return entry;
    }
}
