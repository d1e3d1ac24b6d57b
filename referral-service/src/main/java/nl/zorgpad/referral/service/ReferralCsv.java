package nl.zorgpad.referral.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.Referral;

/**
 * Writes referrals as CSV (RFC 4180: comma-separated, every cell quoted, CRLF line ends, a header line). Safe to open
 * in a spreadsheet: a cell that starts with {@code = + - @}, a tab or a carriage return would be read as a formula,
 * so it gets a leading apostrophe (OWASP's advice against CSV injection).
 */
public final class ReferralCsv {

    static final List<String> HEADER = List.of("referralId", "status", "createdAt", "referringPracticeId",
            "partnerId", "partnerName", "signalCodes", "acknowledgeDeadline", "overdue", "reasonCode", "outcome",
            "closedAt", "detailsErased", "clientName", "clientBirthDate", "clientBsn", "clientPhone", "clientEmail",
            "clientPostcode", "clientHouseNumber", "preferredLanguage", "interpreterNeeded", "literacyNote",
            "hasSafeContact");

    /** One referral to export and the day on which overdue is judged. */
    public record Row(Referral referral, LocalDate today) {
    }

    private ReferralCsv() {
    }

    public static String write(List<Row> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (Row row : rows) {
            line(csv, cells(row));
        }
        return csv.toString();
    }

    private static List<String> cells(Row row) {
        Referral r = row.referral();
        ClientDetails c = r.client;
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(String.valueOf(r.id));
        cells.add(r.status);
        cells.add(text(r.createdAt));
        cells.add(r.referringPracticeId);
        cells.add(r.partnerId);
        cells.add(r.partnerName);
        cells.add(String.join(" ", r.signalCodes));
        cells.add(text(r.acknowledgeDeadline));
        cells.add(String.valueOf(r.isOverdue(row.today())));
        cells.add(r.reasonCode);
        cells.add(r.outcome);
        cells.add(text(r.closedAt));
        cells.add(String.valueOf(r.detailsErased()));
        cells.add(c == null ? null : c.name());
        cells.add(c == null ? null : text(c.birthDate()));
        cells.add(c == null ? null : c.bsn());
        cells.add(c == null ? null : c.phone());
        cells.add(c == null ? null : c.email());
        cells.add(c == null ? null : c.postcode());
        cells.add(c == null ? null : c.houseNumber());
        cells.add(c == null ? null : c.preferredLanguage());
        cells.add(c == null ? null : String.valueOf(c.interpreterNeeded()));
        cells.add(c == null ? null : c.literacyNote());
        // Only that rules exist: an export ends up in spreadsheets and mail, where safe-contact rules must never go.
        cells.add(c == null ? null : String.valueOf(c.safeContact() != null));
        return cells;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
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
