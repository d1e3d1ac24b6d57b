package nl.zorgpad.console.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import nl.zorgpad.console.client.AccessLogs.Line;

/**
 * Writes an access-log search result as CSV, the same lines the page shows: RFC 4180 (comma-separated, every cell
 * quoted with inner quotes doubled, so commas, quotes and line breaks survive; CRLF line ends; a header line). The
 * time is the Netherlands' local time to the second, in a form spreadsheets sort. A cell that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so a spreadsheet does not run it as a formula
 * (OWASP's advice against CSV injection; a user id is whatever the identity provider holds).
 */
public final class AccessLogCsv {

    /** The columns in order; the header line names them in the reader's language. */
    static final List<String> COLUMNS = List.of("at", "user", "organisation", "role", "on-behalf-of", "event",
            "outcome", "application", "referral");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The words of the file, from the reader's message bundle: column names, events, outcomes and roles. */
    public record Words(UnaryOperator<String> column, UnaryOperator<String> event, UnaryOperator<String> outcome,
                        UnaryOperator<String> role) {
    }

    private AccessLogCsv() {
    }

    public static String write(List<Line> lines, Words words, ZoneId zone) {
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS.stream().map(words.column()).toList());
        for (Line access : lines) {
            line(csv, cells(access, words, zone));
        }
        return csv.toString();
    }

    static List<String> cells(Line access, Words words, ZoneId zone) {
        return Arrays.asList(
                access.at() == null ? null : TIME.format(access.at().atZone(zone)),
                access.userId(),
                access.organisationId(),
                access.role() == null ? null : words.role().apply(access.role()),
                access.onBehalfOf(),
                access.event() == null ? null : words.event().apply(access.event()),
                access.outcome() == null ? null : words.outcome().apply(access.outcome()),
                access.application(),
                access.referralId() == null ? null : access.referralId().toString());
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append('"').append(cell(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }

    /** The text of one cell, neutralised when a spreadsheet would take it for a formula. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
