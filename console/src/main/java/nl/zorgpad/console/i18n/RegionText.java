package nl.zorgpad.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the VSV coordinator's screens (coverage, partners, pathways and the rule editor, route cards, import and
 * export): {@code messages/region_nl.properties} and {@code messages/region_en.properties}; templates use
 * {@code {region:key}}.
 */
@MessageBundle(value = "region", locale = "nl")
public interface RegionText {

    @Message String nav_label();
    @Message String nav_coverage();
    @Message String nav_partners();
    @Message String nav_pathways();
    @Message String nav_cards();
    @Message String nav_exchange();

    // Coverage
    @Message String coverage_title();
    @Message String coverage_intro();
    @Message String coverage_caption(String regionName, String date);
    @Message String coverage_empty();
    @Message String summary_label();
    @Message String matrix_heading();
    @Message String legend_label();
    /** The coverage statuses in the legend's order, comma-separated. */
    @Message String statuses();
    @Message String status_symbol(String status);
    @Message String status_short(String status);
    @Message String status_long(String status);
    @Message String status_explained(String status);
    @Message String col_signal();
    @Message String phase_short(String phase);
    @Message String stale_heading();
    @Message String stale_intro(int days);
    @Message String days_ago(long days);
    @Message String gaps_heading();
    @Message String gaps_intro();
    @Message String gaps_none();
    @Message String gap_no_pathway();
    @Message String gap_place(String status);
    @Message String gap_case(String status);
    @Message String gap_every_case();
    @Message String all_phases();
    @Message String open_pathway(String signal);
    @Message String start_pathway_link();

    // Conditions in words
    @Message String cond_any();
    @Message String cond_whole_region();
    @Message String cond_municipalities(int count);
    @Message String cond_postcodes();
    @Message String ages(Integer min, Integer max);
    @Message String days(Integer routine, Integer urgent);

    // Partners
    @Message String partners_title();
    @Message String partners_intro(int days);
    @Message String partners_empty();
    @Message String partner_kind();
    @Message String partner_area();
    @Message String partner_inactive();
    @Message String whole_region();
    @Message String contact_points();
    @Message String capacity_now();
    @Message String capacity_name(String status);
    @Message String weeks(Integer weeks);
    @Message String confirmed_at(String when);
    @Message String stale_marker();
    @Message String capacity_changed_meanwhile();
    @Message String capacity_legend(String partner);
    @Message String waitlist_weeks();
    @Message String waitlist_weeks_error();
    @Message String capacity_status_error();
    @Message String capacity_save();
    @Message String capacity_done();

    // Pathways
    @Message String pathways_title();
    @Message String pathways_intro();
    @Message String pathways_empty();
    @Message String col_published();
    @Message String col_draft();
    @Message String version_from(Integer version, String date);
    @Message String retired_from(String date);
    @Message String never_published();
    @Message String draft_version(Integer version);
    @Message String no_draft();
    @Message String without_heading();
    @Message String without_intro();
    @Message String start_pathway();

    // One pathway and its rule editor
    @Message String pathway_title(String signal);
    @Message String pathway_done(String done);
    @Message String invalid_input();
    @Message String rows_with_errors();
    @Message String versions_heading();
    @Message String col_version();
    @Message String col_status();
    @Message String col_effective();
    @Message String col_published_at();
    @Message String version_status(String status);
    @Message String published_heading(int version, String date);
    @Message String no_rules();
    @Message String change_heading();
    @Message String change_intro(Integer version);
    @Message String change_intro_empty();
    @Message String new_draft();
    @Message String draft_heading(Integer version);
    @Message String draft_heading_new();
    @Message String draft_hint();
    @Message String editor_notice(String notice);
    @Message String no_rules_yet();
    @Message String rule_number(Integer number);
    @Message String rule_area();
    @Message String rule_area_hint();
    @Message String rule_postcodes();
    @Message String rule_phases();
    /** The phases of the first 1000 days, comma-separated. */
    @Message String phases();
    @Message String rule_vulnerabilities();
    @Message String rule_urgencies();
    @Message String rule_none_is_all();
    @Message String rule_ages();
    @Message String rule_ages_hint();
    @Message String min_age();
    @Message String max_age();
    @Message String rule_target();
    @Message String first_contact_point();
    @Message String unknown_target(String target);
    @Message String rule_instruction();
    @Message String rule_instruction_hint();
    @Message String rule_days();
    @Message String days_routine();
    @Message String days_urgent();
    @Message String rule_up();
    @Message String rule_down();
    @Message String rule_remove();
    @Message String add_rule();
    @Message String save_draft();
    /** A Dutch sentence for what pathway-service (or the console) found wrong in a rule, by kind. */
    @Message String rule_error(String kind, String param);
    /** The same for the draft as a whole and the publication date. */
    @Message String general_error(String kind, String param);
    @Message String publish_heading(Integer version);
    @Message String publish_intro();
    @Message String effective_from();
    @Message String publish();

    // Route cards
    @Message String cards_title();
    @Message String cards_intro();
    @Message String cards_choose();
    @Message String cards_all();
    @Message String cards_print_hint();
    @Message String card_title(String municipality);
    @Message String card_date(String date);
    @Message String card_intro();
    @Message String card_col_where();
    @Message String card_col_what();
    @Message String card_white_spot();
    @Message String card_days(Integer routine, Integer urgent);
    @Message String card_phone();

    // Export and import
    @Message String exchange_title();
    @Message String export_heading();
    @Message String export_intro();
    @Message String export_download();
    @Message String import_heading();
    @Message String import_intro();
    @Message String import_file();
    @Message String import_paste();
    @Message String import_paste_hint();
    @Message String import_check();
    @Message String import_problem(String slug, int status);
    @Message String import_checked(int count);
    @Message String import_no_changes();
    @Message String import_apply_hint();
    @Message String import_apply();
    @Message String import_cancel();
    @Message String import_applied(int count);
    @Message String changes_caption();
    @Message String col_what();
    @Message String col_which();
    @Message String col_change();
    @Message String change_kind(String kind);
    @Message String change_action(String action);
}
