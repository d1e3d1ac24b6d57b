package nl.zorgpad.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's common texts (layout, statuses, deadlines, refusals), Dutch by default: {@code messages/msg_nl.properties},
 * with English in {@code messages/msg_en.properties}. The keys are the method names; templates use {@code {msg:key}}.
 * The screens have bundles of their own beside this one.
 */
@MessageBundle(value = "msg", locale = "nl")
public interface Messages {

    @Message
    String app_name();

    @Message
    String nav_werkbak();

    @Message
    String nav_referrals();

    @Message
    String nav_new_referral();

    @Message
    String nav_region();

    @Message
    String nav_access_log();

    @Message
    String nav_logout();

    @Message
    String nav_skip();

    @Message
    String nav_language();

    @Message
    String logged_in_as(String name, String organisation);

    /** The name of a referral status as the field says it ("nieuw", "geaccepteerd", ...). */
    @Message
    String status(String status);

    /** The acknowledgement deadline in working days: "nog 3 werkdagen", "vandaag", "2 werkdagen te laat". */
    @Message
    String deadline(Integer days);

    @Message
    String problem_title(int status);

    /** A Dutch sentence for a service's refusal, by the problem type's slug; the status decides when it is unknown. */
    @Message
    String problem(String slug, int status);

    @Message
    String problem_field(String field);

    @Message
    String unavailable();

    @Message
    String not_found_title();

    @Message
    String not_found_text();

    @Message
    String forbidden_text();

    @Message
    String csrf_text();

    @Message
    String login_failed_text();

    @Message
    String back_home();

    @Message
    String live_updates();
}
