package nl.zorgpad.stack.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a text anywhere in a database: for tests that prove something was erased. Searches every text, JSON and
 * array column of every table in the public schema, case-insensitively.
 */
public final class TextSearch {

    /** Where a search looked and what it found. */
    public record Result(int columnsSearched, List<String> columnsHolding) {
    }

    private TextSearch() {
    }

    /** The "table.column"s of {@code connection}'s database in which {@code text} occurs. */
    public static Result columnsHolding(Connection connection, String text) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery("""
                SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = 'public'
                   AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')""")) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        List<String> holding = new ArrayList<>();
        for (String[] column : columns) {
            try (PreparedStatement search = connection.prepareStatement("SELECT count(*) FROM \"" + column[0]
                    + "\" WHERE \"" + column[1] + "\"::text ILIKE ?")) {
                search.setString(1, "%" + text + "%");
                try (ResultSet count = search.executeQuery()) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        holding.add(column[0] + "." + column[1]);
                    }
                }
            }
        }
        return new Result(columns.size(), holding);
    }
}
