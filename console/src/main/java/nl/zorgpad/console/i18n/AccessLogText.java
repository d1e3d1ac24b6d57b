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
    /** A column of the table and of the CSV header: at, user, organisation, on-behalf-of, event, outcome, referral. */
    @Message String col(String column);
    /** What happened, in words: read = "bekeken", export = "geëxporteerd", ... (the service's event codes). */
    @Message String event(String event);
    @Message String outcome(String outcome);
    @Message String referral_link(String id);
    @Message String referral_link_hint();
    @Message String download();
    @Message String download_hint();
}
