package nl.zorgpad.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.zorgpad.commons.security.Caller;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Recomputes the access log's hash chains (migration V6: one chain per acting organisation, each record hashing its
 * content and the previous record's hash) and names the first record that does not fit. The work is done in the
 * database, with the same function that hashed each record on insert, so no record leaves it; the answer holds ids
 * and hashes only, no client data.
 *
 * <p>A privacy officer verifies the chains of the organisations she answers for and of her own office (where her
 * searches are logged), no others: the count, times and heads of another organisation's chain tell how busy its staff
 * are, which is not hers to know, and a broken record there is for that organisation's privacy officer to report. A
 * chain is checked on its own (each record against the one before it in the same chain), so leaving the other chains
 * out checks hers exactly as fully as checking all would.
 */
@ApplicationScoped
public class AccessLogVerification {

    /** A record that does not fit its chain. */
    public record BrokenRecord(
            @Schema(description = "The record's id", examples = "1042", required = true)
            long id,
            @Schema(description = "When the record says the access was", examples = "2026-11-24T10:00:00Z",
                    required = true)
            Instant at,
            @Schema(description = "The chain: the acting organisation; null for none", required = true,
                    nullable = true, examples = "partner-wijkteam-smallingerland")
            String organisationId,
            @Schema(description = "Its position in the chain", examples = "17", required = true)
            long position,
            @Schema(description = "changed: the content does not match its hash; missing-before: a record before it"
                    + " in the chain is gone; relinked: it points to another record than the one before it",
                    enumeration = {"changed", "missing-before", "relinked"}, required = true)
            String problem) {
    }

    /** The last record of a chain: keep a copy to show later that nothing was rewritten after it. */
    public record ChainHead(
            @Schema(description = "The chain: the acting organisation; null for none", required = true,
                    nullable = true, examples = "partner-wijkteam-smallingerland")
            String organisationId,
            @Schema(description = "Position of its last record", examples = "17", required = true)
            long position,
            @Schema(description = "SHA-256 of its last record, hex", required = true,
                    examples = "9f2c6a0e4b1d3c5e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f")
            String hash) {
    }

    /** The answer of a verification. */
    public record Verification(
            @Schema(description = "True when every record fits its chain", required = true)
            boolean intact,
            @Schema(description = "Records checked", examples = "1043", required = true)
            long recordsChecked,
            @Schema(description = "The first record (by time) that does not fit; null when intact", required = true,
                    nullable = true)
            BrokenRecord firstBroken,
            @Schema(description = "The head of every chain", required = true)
            List<ChainHead> heads) {
    }

    // A chain may have lost its oldest records to the five-year purge: its first remaining record is not checked
    // against a predecessor. Every other record must follow the one before it without a gap.
    private static final String CHECK = """
            WITH checked AS (
                SELECT id, at, organisation_id, chain_seq, hash, prev_hash, access_log_digest(a) AS expected,
                       lag(chain_seq) OVER chain AS previous_seq, lag(hash) OVER chain AS previous_hash,
                       row_number() OVER chain AS n
                  FROM access_log a
                 WHERE organisation_id IN (:chains)
                WINDOW chain AS (PARTITION BY coalesce(organisation_id, '') ORDER BY chain_seq))
            SELECT id, at, organisation_id, chain_seq,
                   CASE WHEN hash IS DISTINCT FROM expected THEN 'changed'
                        WHEN n > 1 AND chain_seq <> previous_seq + 1 THEN 'missing-before'
                        ELSE 'relinked' END
              FROM checked
             WHERE hash IS DISTINCT FROM expected
                OR (n > 1 AND (chain_seq <> previous_seq + 1 OR prev_hash IS DISTINCT FROM previous_hash))
             ORDER BY at, id
             LIMIT 1""";

    private static final String HEADS = """
            SELECT DISTINCT ON (coalesce(organisation_id, '')) organisation_id, chain_seq, hash
              FROM access_log
             WHERE organisation_id IN (:chains)
             ORDER BY coalesce(organisation_id, ''), chain_seq DESC""";

    private final EntityManager em;

    public AccessLogVerification(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Verification verify(Caller caller) {
        Set<String> chains = new TreeSet<>(caller.privacyOrganisationIds());
        chains.add(caller.organisationId());
        long records = ((Number) em.createNativeQuery("SELECT count(*) FROM access_log "
                + "WHERE organisation_id IN (:chains)").setParameter("chains", chains).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> broken = em.createNativeQuery(CHECK).setParameter("chains", chains).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> heads = em.createNativeQuery(HEADS).setParameter("chains", chains).getResultList();
        BrokenRecord first = broken.isEmpty() ? null : brokenRecord(broken.get(0));
        return new Verification(first == null, records, first,
                heads.stream().map(h -> new ChainHead((String) h[0], ((Number) h[1]).longValue(),
                        ((String) h[2]).strip())).toList());
    }

    private static BrokenRecord brokenRecord(Object[] row) {
        return new BrokenRecord(((Number) row[0]).longValue(), instant(row[1]), (String) row[2],
                ((Number) row[3]).longValue(), (String) row[4]);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
