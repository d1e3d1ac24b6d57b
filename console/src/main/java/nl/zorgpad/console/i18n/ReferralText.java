package nl.zorgpad.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the referral screens (werkbak, one referral, the midwife's list and form): {@code messages/ref_nl.properties}
 * and {@code messages/ref_en.properties}; templates use {@code {ref:key}}.
 */
@MessageBundle(value = "ref", locale = "nl")
public interface ReferralText {

    @Message String werkbak_title();
    @Message String werkbak_empty();
    @Message String werkbak_fresh();
    @Message String werkbak_fresh_empty();
    @Message String werkbak_open();
    @Message String werkbak_open_empty();
    @Message String werkbak_closed();

    @Message String col_client();
    @Message String col_signals();
    @Message String col_partner();
    @Message String col_received();
    @Message String col_deadline();
    @Message String col_status();
    @Message String client_erased();

    @Message String referral_title();
    @Message String done(String status);
    @Message String safe_contact_heading();
    @Message String safe_contact_hint();
    @Message String safe_contact_withheld();
    @Message String safe_contact_badge();
    @Message String safe_channels();
    @Message String safe_channels_unknown();
    @Message String safe_channel_codes();
    @Message String safe_channel(String channel);
    @Message String safe_phone();
    @Message String safe_times();
    @Message String safe_any_time();
    @Message String safe_day_codes();
    @Message String safe_day(String day);
    @Message String safe_from();
    @Message String safe_until();
    @Message String safe_no_messages();
    @Message String safe_note();
    @Message String form_safe_phone_hint();
    @Message String form_safe_times_hint();
    @Message String actions_heading();
    @Message String action_accept();
    @Message String action_first_contact();
    @Message String action_resume();
    @Message String action(String status);
    @Message String action_confirm(String status);
    @Message String choose();
    @Message String reason();
    @Message String reason_text();
    /** The reason codes offered for a move to {@code status}, comma-separated. */
    @Message String reason_codes(String status);
    @Message String reason_code(String code);
    @Message String outcome();
    @Message String details_erased();

    @Message String client_heading();
    @Message String client_name();
    @Message String client_birth_date();
    @Message String client_bsn();
    @Message String client_phone();
    @Message String client_email();
    @Message String client_address();
    @Message String client_language();
    @Message String interpreter_needed();
    @Message String client_literacy();
    @Message String phase();
    @Message String phase_name(String phase);
    @Message String vulnerability();
    @Message String vulnerability_name(String vulnerability);
    @Message String urgency();
    @Message String urgency_name(String urgency);
    @Message String signals_heading();
    @Message String instruction_heading();
    @Message String referrer_heading();
    @Message String referrer_name();
    @Message String consent_heading();
    @Message String consent_given(String when);
    @Message String consent_covers();
    @Message String data_category(String category);
    @Message String partner_kind(String kind);
    @Message String history_heading();

    @Message String mine_empty();
    @Message String mine_count(int shown, long total);
    @Message String optional();
    @Message String postcode();
    @Message String house_number();
    @Message String due_date();
    @Message String child_birth_date();
    @Message String referrer_phone();
    @Message String form_after_birth();
    @Message String form_step_client();
    @Message String form_step_pregnancy();
    @Message String form_step_signals();
    @Message String form_step_route();
    @Message String form_step_consent();
    @Message String form_signals_hint();
    @Message String signal_note(String label);
    @Message String form_safe_contact_hint();
    @Message String form_route_hint();
    @Message String form_show_route();
    @Message String form_consent_hint();
    @Message String consent_partner_kinds();
    @Message String consent_data();
    @Message String consent_method();
    @Message String consent_verbal();
    @Message String consent_written();
    @Message String form_send();
    @Message String form_open_existing();
    @Message String field_name(String field);
    @Message String vulnerability_levels();
    @Message String partner_kinds();
    @Message String data_categories();
    @Message String preview_route(String partner, String contact, int days);
    @Message String preview_waitlist(int weeks);
    @Message String preview_gap();
    @Message String preview_passed_over(String partner);
    @Message String preview_needs_signals();
    @Message String preview_needs_postcode();
    @Message String preview_input();
    @Message String preview_unavailable();
    @Message String sent_title();
    @Message String sent_text();
    @Message String sent_deadline(String date);
    @Message String sent_gaps();
    @Message String signal_note_missing();
}
