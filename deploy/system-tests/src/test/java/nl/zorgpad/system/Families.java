package nl.zorgpad.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Referral bodies for the three families of the domain brief (fictional people; invented contact details). Each run
 * gives its families a surname suffix and BSNs of their own, so the scenarios can run again against the same
 * deployment without meeting the open referrals of an earlier run (409 duplicate).
 */
public final class Families {

    /** Four letters, e.g. "Kqvw": part of every client name of this run. */
    static final String RUN = runTag();

    private Families() {
    }

    /** Meriam and Micha, Drachten: money worries, fear of a new depression, trouble with reading. */
    static String meriam(String bsn) {
        return referral("Meriam El Amrani", "1995-04-12", bsn, "9203 AB", "14", null,
                "{\"code\":\"financial-debt\",\"note\":\"worried about the cost of baby things and arrears\"},"
                        + "{\"code\":\"psychological\",\"note\":\"fears the birth; depression after her first child\"},"
                        + "{\"code\":\"low-literacy\",\"note\":\"prefers spoken explanation\"}");
    }

    /** Linda's safe-contact note: what must reach the receiving team and nobody else. */
    static final String LINDA_SAFE_NOTE = "Only call her own mobile; never send letters; not when the father is around";

    private static final String LINDA_SAFE_CONTACT = """
            {"channels":["phone","text-message"],"phone":"06 11223344",
             "times":[{"days":["monday","tuesday","wednesday","thursday","friday"],"from":"09:00","until":"14:30"}],
             "noMessages":true,"note":"%s"}""".formatted(LINDA_SAFE_NOTE);

    /** Linda, Drachten: history of abuse, no network; contact only through her own phone. */
    static String linda(String bsn) {
        return referral("Linda Bakker", "1998-09-30", bsn, "9201 KL", "3",
                LINDA_SAFE_CONTACT,
                "{\"code\":\"trauma\",\"note\":\"panicked at the birth; history of sexual abuse\"},"
                        + "{\"code\":\"social-network\",\"note\":\"nobody to call for help at home\"}");
    }

    /** Tiny and Leo, Appelscha (Ooststellingwerf): young parents, Leo smokes and wants to quit. */
    static String tinyAndLeo(String bsn) {
        return referral("Tiny de Jong", "2007-02-03", bsn, "8426 BB", "7", null,
                "{\"code\":\"teen-parent\",\"note\":\"first child, not prepared\"},"
                        + "{\"code\":\"smoking\",\"note\":\"partner smokes and wants to quit\"}");
    }

    /** A family in Drachten with money worries only, no BSN: for bursts of many referrals. */
    static String drachtenFamily(String name) {
        return referral(name, "1999-01-15", null, "9203 AB", "21", null,
                "{\"code\":\"financial-debt\",\"note\":\"arrears on rent and energy\"}");
    }

    private static String referral(String family, String birthDate, String bsn, String postcode, String houseNumber,
                                   String safeContact, String signals) {
        String name = family + " " + RUN;
        return """
                {"client":{"name":"%s","birthDate":"%s","bsn":%s,"phone":"0612345678","email":null,
                  "postcode":"%s","houseNumber":"%s","preferredLanguage":"nl","interpreterNeeded":false,
                  "literacyNote":null,"safeContact":%s},
                 "pregnancy":{"dueDate":"%s","birthDate":null,"vulnerability":"vulnerable","urgency":"routine"},
                 "signals":[%s],
                 "consent":{"givenBy":"client","givenAt":"%s","method":"verbal",
                  "partnerKinds":["district-team","programme","youth-health-care","mental-health","other"],
                  "dataCategories":["identity","contact","signals","safe-contact","language"]},
                 "referrer":{"name":"Anna de Vries","role":"midwife","phone":"0512 123456"}}"""
                .formatted(name, birthDate, bsn == null ? "null" : "\"" + bsn + "\"", postcode, houseNumber,
                        safeContact == null ? "null" : safeContact,
                        // Twenty weeks from today: always a pregnancy, whatever day the tests run.
                        LocalDate.now().plusWeeks(20), signals,
                        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Valid BSNs (11-check) for the scenarios, one per family so duplicates do not collide. */
    static final String MERIAM_BSN = newBsn();
    static final String LINDA_BSN = newBsn();
    static final String TINY_BSN = newBsn();

    /** A random BSN that passes the 11-check: 9d1 + 8d2 + ... + 2d8 - d9 is a non-zero multiple of 11. */
    public static String newBsn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                sum += digits[i] * (9 - i);
            }
            digits[8] = sum % 11;
            if (digits[8] < 10 && sum != digits[8]) {
                StringBuilder bsn = new StringBuilder();
                for (int digit : digits) {
                    bsn.append(digit);
                }
                return bsn.toString();
            }
        }
    }

    private static String runTag() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder tag = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 3; i++) {
            tag.append((char) ('a' + random.nextInt(26)));
        }
        return tag.toString();
    }
}
