package nl.zorgpad.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionDocumentChunksTest {

    @Test
    void aLongDocumentTravelsInPiecesAndComesBackTheSame() {
        String document = "format: zorgpad-pathways/1\n" + "- naam: Café — wijkteam ‘De Brug’\n".repeat(300);

        List<String> chunks = RegionDocumentChunks.split(document);

        assertTrue(chunks.size() > 1);
        assertTrue(chunks.stream().allMatch(c -> c.length() <= RegionDocumentChunks.SIZE));
        assertEquals(document, RegionDocumentChunks.join(chunks));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverCutInTwo() {
        String document = "a".repeat(RegionDocumentChunks.SIZE - 1) + "\uD83D\uDE00" + "b";

        List<String> chunks = RegionDocumentChunks.split(document);

        assertFalse(Character.isHighSurrogate(chunks.get(0).charAt(chunks.get(0).length() - 1)));
        assertEquals(document, RegionDocumentChunks.join(chunks));
    }

    @Test
    void nothingGivesNoPieces() {
        assertTrue(RegionDocumentChunks.split("").isEmpty());
        assertEquals("", RegionDocumentChunks.join(null));
    }
}
