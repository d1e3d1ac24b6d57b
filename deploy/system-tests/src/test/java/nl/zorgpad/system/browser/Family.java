package nl.zorgpad.system.browser;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A family the browser scenarios refer (fictional people, invented contact details), all in Drachten (Smallingerland),
 * so their referrals go to daan's team. Every name carries a tag of this run, and every scenario a family of its own:
 * scenarios share one system, and a second open referral for the same client and partner would be a duplicate.
 */
public record Family(String name, LocalDate birthDate, String phone, String postcode, String houseNumber) {

    /** Four letters, e.g. "Bqzk": part of every client name of this run. */
    static final String RUN = runTag();

    /** Meriam El Amrani of the brief: money worries, fear of a new depression, trouble with reading. */
    static Family meriam() {
        return new Family("Meriam El Amrani " + RUN, LocalDate.of(1995, 4, 12), "0612345678", "9203 AB", "14");
    }

    /** Linda Bakker of the brief: contact only through her own phone. */
    static Family linda() {
        return new Family("Linda Bakker " + RUN, LocalDate.of(1998, 9, 30), "0687654321", "9201 KL", "3");
    }

    /** Another family in Drachten, for a scenario of its own. */
    static Family named(String firstAndLastName) {
        return new Family(firstAndLastName + " " + RUN, LocalDate.of(1999, 1, 15), "0611223344", "9203 AB", "21");
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
