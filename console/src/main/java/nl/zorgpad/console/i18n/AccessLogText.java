package nl.zorgpad.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the privacy officer's access-log screen and its CSV file: {@code messages/log_nl.properties} and
 * {@code messages/log_en.properties}; templates use {@code {log:key}}.
 */
@MessageBundle(value = "log", locale = "nl")
public interface AccessLogText {

    @Message String title();
    @Message String intro();
    @Message String search_hint();
    @Message String by_bsn();
    @Message String by_name();
    @Message String by_referral();
    @Message String bsn();
    @Message String bsn_hint();
    @Message String name();
    @Message String birth_date();
    @Message String referral_id();
    @Message String referral_id_hint();
    @Message String search();
    /** Why a field was refused: {@code reason} is {@code missing} or {@code invalid}. */
    @Message String error(String field, String reason);

    @Message String results_heading();
    @Message String results_empty();
    @Message String caption(int count);
    /**
     * A column of the table and of the CSV header: at, user, organisation, role, on-behalf-of, event, outcome,
     * application, referral.
     */
    @Message String col(String column);
    /** What happened, in words: read = "bekeken", export = "geëxporteerd", ... (the service's event codes). */
    @Message String event(String event);
    @Message String outcome(String outcome);
    @Message String referral_link(String id);
    @Message String referral_link_hint();
    @Message String download();
    @Message String download_hint();

    @Message String overview_button();
    @Message String overview_button_hint();
    @Message String overview_title();
    @Message String overview_intro();
    @Message String overview_compiled(String at);
    @Message String overview_empty();
    @Message String overview_organisations_heading();
    @Message String overview_accesses_heading();
    /** A column of the overview: organisation, roles, first, last, count, at, role, event, outcome. */
    @Message String overview_col(String column);
    /** For the client: success = "gegevens getoond", denied = "geweigerd, niets getoond". */
    @Message String overview_outcome(String outcome);
    @Message String overview_persons();
    @Message String overview_print_hint();
    @Message String overview_back();
    /** A realm role in words (midwife = "verloskundige", ...); unknown for none. */
    @Message String role(String role);
}
