package nl.zorgpad.referral.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.referral.domain.Referral;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * NEN 7513 logging of every access to client data. Successful accesses are logged in the same transaction as the
 * access (no access without its record); refused ones in a transaction of their own, since the access rolls back.
 * The records of one access to many referrals (a list page, an export, a privacy officer's search) are written as one
 * JDBC batch, one database round trip, rather than one insert per referral: the id is a database sequence
 * (IDENTITY), which keeps Hibernate from batching the entities itself.
 *
 * <p>Each record names (NEN 7513) who acted, for which organisation, in which role, on whose behalf, what, on which
 * client (by pseudonym), when, with which outcome, and from which application (the token's {@code azp}) through which
 * zorgpad service.
 */
@ApplicationScoped
public class AccessLog {

    public static final String OK = "success";
    public static final String DENIED = "denied";

    private static final String INSERT = "INSERT INTO access_log (at, event, referral_id, client_bsn_pseudonym, "
            + "client_name_pseudonym, user_id, organisation_id, on_behalf_of, outcome, role, application, service) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final String service;

    public AccessLog(EntityManager em, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.service = service;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String event, Referral referral, Caller caller, String outcome) {
        recordAll(event, List.of(referral), caller, outcome);
    }

    /** One access to each of {@code referrals} (a list page, an export), written in one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String event, Collection<Referral> referrals, Caller caller, String outcome) {
        insert(referrals.stream().map(r -> entry(event, r.id, r.clientBsnPseudonym, r.clientNamePseudonym,
                caller, outcome)).toList());
    }

    /**
     * One access to each referral of {@code earlier} as the access log knows it: by id and the client's pseudonyms
     * recorded there, which stay after the referral's own are erased. Written in one round trip.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAllAsLogged(String event, Collection<AccessLogEntry> earlier, Caller caller, String outcome) {
        insert(earlier.stream().map(e -> entry(event, e.referralId, e.clientBsnPseudonym, e.clientNamePseudonym,
                caller, outcome)).toList());
    }

    /**
     * A refused access, in a transaction of its own so that it stays when the caller's rolls back. It takes the
     * organisation's chain lock (migration V6) itself, so the caller's transaction must not have logged anything yet
     * (it would hold that lock until it ends, and this would wait for it).
     */
    public void recordRefusal(String event, Referral referral, Caller caller) {
        AccessLogEntry entry = entry(event, referral.id, referral.clientBsnPseudonym, referral.clientNamePseudonym,
                caller, DENIED);
        QuarkusTransaction.requiringNew().run(() -> insert(List.of(entry)));
    }

    /** Writes the entries on the transaction's connection as one JDBC batch; nothing when there are none. */
    private void insert(List<AccessLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AccessLogEntry entry : entries) {
                    insert.setObject(1, OffsetDateTime.ofInstant(entry.at, ZoneOffset.UTC));
                    insert.setString(2, entry.event);
                    insert.setObject(3, entry.referralId, Types.OTHER);
                    insert.setString(4, entry.clientBsnPseudonym);
                    insert.setString(5, entry.clientNamePseudonym);
                    insert.setString(6, entry.userId);
                    insert.setString(7, entry.organisationId);
                    insert.setString(8, entry.onBehalfOf);
                    insert.setString(9, entry.outcome);
                    insert.setString(10, entry.role);
                    insert.setString(11, entry.application);
                    insert.setString(12, service);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
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
        entry.role = caller.role().orElse(null);
        entry.application = caller.application().orElse(null);
        return entry;
    }
}
