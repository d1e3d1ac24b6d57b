package nl.zorgpad.console.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries an import document from the dry run to "toepassen" in hidden form fields of at most {@link #SIZE}
 * characters each. The console's form parser refuses a single field longer than
 * {@code quarkus.http.limits.max-form-attribute-size} (2 KB by default, counted URL-encoded), and a region's
 * document is tens of kilobytes; in pieces it passes whatever that limit is. 200 characters stay under 2 KB even
 * when every one of them is URL-encoded as three UTF-8 bytes ({@code %E2%80%94}).
 */
final class RegionDocumentChunks {

    static final int SIZE = 200;

    private RegionDocumentChunks() {
    }

    static List<String> split(String document) {
        List<String> chunks = new ArrayList<>();
        if (document == null || document.isEmpty()) {
            return chunks;
        }
        int from = 0;
        while (from < document.length()) {
            int to = Math.min(from + SIZE, document.length());
            // Never cut between the two halves of a character outside the Basic Multilingual Plane.
            if (to < document.length() && Character.isHighSurrogate(document.charAt(to - 1))) {
                to--;
            }
            chunks.add(document.substring(from, to));
            from = to;
        }
        return chunks;
    }

    static String join(List<String> chunks) {
        return chunks == null ? "" : String.join("", chunks);
    }
}
