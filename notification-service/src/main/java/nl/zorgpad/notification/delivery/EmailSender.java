package nl.zorgpad.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import nl.zorgpad.notification.config.NotificationConfig;
import org.jboss.logging.Logger;

/**
 * A short Dutch e-mail with a link to the referral. It deliberately carries no client details: only what kind of
 * change happened, to which referral (by link) and, for the referrer, the partner's name.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private static final Map<String, String> SUBJECTS = Map.ofEntries(
            Map.entry("referral.requested", "Nieuwe verwijzing"),
            Map.entry("referral.overdue", "Verwijzing nog niet opgepakt"),
            Map.entry("referral.cancelled", "Verwijzing ingetrokken"),
            Map.entry("referral.consent-withdrawn", "Toestemming ingetrokken"),
            Map.entry("referral.accepted", "Verwijzing geaccepteerd"),
            Map.entry("referral.rejected", "Verwijzing afgewezen"),
            Map.entry("referral.in-progress", "Verwijzing in behandeling"),
            Map.entry("referral.on-hold", "Verwijzing gepauzeerd"),
            Map.entry("referral.completed", "Verwijzing afgerond"),
            Map.entry("referral.failed", "Verwijzing niet gelukt"));

    private final Mailer mailer;
    private final NotificationConfig config;

    public EmailSender(Mailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public DeliveryAttempt.Result send(DeliveryAttempt attempt) {
        try {
            // The sender is quarkus.mailer.from.
            mailer.send(Mail.withText(attempt.target(), subject(attempt.eventType()), body(attempt)));
            return DeliveryAttempt.Result.ok(null);
        } catch (RuntimeException e) {
            // A failing mail server is ours to fix, unlike a partner's failing webhook: operators must see it. The
            // message names at most the recipient's (organisation) address, never client details.
            LOG.warnf("E-mail for delivery %s failed, retried on the delivery schedule: %s", attempt.deliveryId(),
                    e.getMessage());
            return DeliveryAttempt.Result.failed(null, "mail server refused or unreachable");
        }
    }

    static String subject(String eventType) {
        return "Zorgpad: " + SUBJECTS.getOrDefault(eventType, "Verwijzing bijgewerkt");
    }

    String body(DeliveryAttempt attempt) {
        String partner = attempt.partnerName() == null ? "de partner" : attempt.partnerName();
        String sentence = switch (attempt.eventType()) {
            case "referral.requested" -> "Er staat een nieuwe verwijzing voor u klaar.";
            case "referral.overdue" -> "Een verwijzing is nog niet binnen de afgesproken tijd opgepakt.";
            case "referral.cancelled" -> "De verwijzer heeft een verwijzing ingetrokken.";
            case "referral.consent-withdrawn" ->
                    "Voor een verwijzing is de toestemming ingetrokken; u ziet de gegevens niet langer.";
            case "referral.accepted" -> "Uw verwijzing is geaccepteerd door " + partner + ".";
            case "referral.rejected" -> "Uw verwijzing is afgewezen door " + partner + ".";
            case "referral.in-progress" -> partner + " is met uw verwijzing aan de slag.";
            case "referral.on-hold" -> partner + " heeft uw verwijzing tijdelijk gepauzeerd.";
            case "referral.completed" -> partner + " heeft uw verwijzing afgerond.";
            case "referral.failed" -> partner + " kon uw verwijzing niet afronden.";
            default -> "Er is iets veranderd aan een verwijzing.";
        };
        return sentence + "\n\n"
                + "Bekijk de verwijzing (na inloggen): " + link(attempt.referralId()) + "\n\n"
                + "Dit bericht bevat bewust geen gegevens over de cliënt.\n"
                + "Zorgpad Kansrijke Start\n";
    }

    private String link(String referralId) {
        String base = config.email().portalUrl();
        return (base.endsWith("/") ? base : base + "/") + "verwijzingen/" + referralId;
    }
}
