package nl.zorgpad.stack.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.zorgpad.stack.ZorgpadService;

/**
 * The guided tour printed when {@code deploy/run} is ready: five copy-paste shell commands that walk one family
 * through the closed loop (token, the district team's live inbox, anna's referral, daan's answer, the answer back at
 * the practice). The smoke check runs exactly these commands, so the printed tour cannot rot unnoticed.
 */
final class GuidedTour {

    /** One step: what it shows, and the command to paste. */
    record Step(String explanation, String command) {
    }

    /** The family of the tour (fictional; no BSN, so name + birth date identify her). */
    static final String FAMILY = "Meriam El Amrani";

    private GuidedTour() {
    }

    /**
     * The steps against a running system. Dates are filled in now: the due date lies twenty weeks ahead (a
     * pregnancy) and consent was given a minute ago, as the API refuses consent from the future.
     */
    static List<Step> steps(LocalSystem system) {
        return steps(system.stack().keycloakUrl(), system.url(ZorgpadService.REFERRAL),
                system.url(ZorgpadService.NOTIFICATION), LocalDate.now().plusWeeks(20).toString(),
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * The steps for the given base URLs; {@code due} and {@code consentGiven} are pasted into the JSON as they are,
     * so the README can show shell expressions where the run prints dates.
     */
    static List<Step> steps(String keycloakUrl, String referralUrl, String notificationUrl, String due,
                            String consentGiven) {
        String token = keycloakUrl + "/realms/zorgpad/protocol/openid-connect/token";
        String referrals = referralUrl + "/api/referrals";
        String notifications = notificationUrl + "/api";
        return List.of(
                new Step("A shell function that fetches a 5-minute token for a demo user:",
                        "tok() { curl -s -d grant_type=password -d client_id=zorgpad-demo -d username=$1 "
                                + "-d password=$1 " + token
                                + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/'; }"),
                new Step("Daan's screen at the district team: the live inbox stream (runs in the background):",
                        "curl -sN -H 'Accept: text/event-stream' -H \"Authorization: Bearer $(tok daan)\" " + notifications
                                + "/inbox/stream | grep --line-buffered '^data:' &"),
                new Step("Anna, the midwife, refers " + FAMILY + " with consent; the answer names the team, the "
                        + "instruction and the deadline (a data: line from daan's stream follows):",
                        "REF=$(curl -s -H \"Authorization: Bearer $(tok anna)\" -H 'Content-Type: application/json' "
                                + referrals + " -d '{\"client\":{\"name\":\"" + FAMILY + "\",\"birthDate\":"
                                + "\"1995-04-12\",\"phone\":\"0612345678\",\"postcode\":\"9203 AB\",\"houseNumber\":"
                                + "\"14\",\"preferredLanguage\":\"nl\"},\"pregnancy\":{\"dueDate\":\"" + due
                                + "\",\"vulnerability\":\"vulnerable\",\"urgency\":\"routine\"},\"signals\":["
                                + "{\"code\":\"financial-debt\",\"note\":\"arrears on rent\"},{\"code\":"
                                + "\"low-literacy\",\"note\":\"prefers spoken explanation\"}],\"consent\":{"
                                + "\"givenBy\":\"client\",\"givenAt\":\"" + consentGiven + "\",\"method\":\"verbal\","
                                + "\"partnerKinds\":[\"district-team\"],\"dataCategories\":[\"identity\",\"contact\","
                                + "\"signals\",\"language\"]},\"referrer\":{\"name\":\"Anna de Vries\",\"role\":\"midwife\","
                                + "\"phone\":\"0512 123456\"}}' | tee /dev/stderr"
                                + " | grep -o '\"referralId\":\"[^\"]*\"' | head -1 | cut -d'\"' -f4); echo; echo $REF"),
                new Step("Daan accepts (If-Match carries the version he read, so two people cannot overwrite each "
                        + "other):",
                        "ETAG=$(curl -s -o /dev/null -D - -H \"Authorization: Bearer $(tok daan)\" " + referrals
                                + "/$REF | tr -d '\\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'); "
                                + "curl -s -H \"Authorization: Bearer $(tok daan)\" -H \"If-Match: $ETAG\" "
                                + "-H 'Content-Type: application/json' -d '{\"status\":\"accepted\"}' " + referrals
                                + "/$REF/status; echo"),
                new Step("The answer is back at anna's practice: its inbox and the referral's history:",
                        "curl -s -H \"Authorization: Bearer $(tok anna)\" " + notifications + "/inbox; echo; "
                                + "curl -s -H \"Authorization: Bearer $(tok anna)\" " + referrals
                                + "/$REF/history; echo; kill %1"));
    }

    /** The tour as printed by {@code deploy/run}. */
    static String text(LocalSystem system) {
        StringBuilder text = new StringBuilder("  Guided tour: one family through the closed loop (paste each "
                + "command into a bash shell):\n");
        int number = 1;
        for (Step step : steps(system)) {
            text.append("\n  ").append(number++).append(". ").append(step.explanation()).append('\n')
                    .append("    ").append(step.command()).append('\n');
        }
        return text.toString();
    }
}
