package nl.zorgpad.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DuplicateCheckTest {

    private static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);
    private static final LocalDate BORN = LocalDate.of(2001, 3, 4);

    private static ClientIdentity.Pseudonyms client(String bsn, String name, LocalDate born) {
        return ClientIdentity.pseudonyms(KEY, bsn, name, born);
    }

    private static DuplicateCheck.Existing existing(ClientIdentity.Pseudonyms client, String partner,
                                                    List<String> signals, ReferralStatus status) {
        return new DuplicateCheck.Existing(UUID.randomUUID(), client, partner, signals, status);
    }

    @Test
    void sameBsnSamePartnerSharedSignalIsADuplicate() {
        var first = existing(client("111222333", "Meriam Jansen", BORN), "p1", List.of("financial-debt"),
                ReferralStatus.REQUESTED);
        assertTrue(DuplicateCheck.isDuplicate(client("111222333", "M. Jansen", BORN), "p1",
                List.of("psychological", "financial-debt"), first));
    }

    @Test
    void sameNameAndBirthDateWithoutBsnIsADuplicateDespiteCaseAccentsAndSpaces() {
        var first = existing(client(null, "Meriam  Jansén", BORN), "p1", List.of("financial-debt"),
                ReferralStatus.ACCEPTED);
        assertTrue(DuplicateCheck.isDuplicate(client("111222333", "meriam jansen", BORN), "p1",
                List.of("financial-debt"), first));
    }

    @Test
    void otherPartnerOtherSignalOtherPersonOrClosedReferralIsNoDuplicate() {
        var open = existing(client("111222333", "Meriam Jansen", BORN), "p1", List.of("financial-debt"),
                ReferralStatus.IN_PROGRESS);
        var me = client("111222333", "Meriam Jansen", BORN);
        assertFalse(DuplicateCheck.isDuplicate(me, "p2", List.of("financial-debt"), open));
        assertFalse(DuplicateCheck.isDuplicate(me, "p1", List.of("smoking"), open));
        assertFalse(DuplicateCheck.isDuplicate(client("123456782", "Linda Bakker", BORN), "p1",
                List.of("financial-debt"), open));
        assertFalse(DuplicateCheck.isDuplicate(client(null, "Meriam Jansen", BORN.plusDays(1)), "p1",
                List.of("financial-debt"), existing(client(null, "Meriam Jansen", BORN), "p1",
                        List.of("financial-debt"), ReferralStatus.REQUESTED)));
        for (ReferralStatus closed : List.of(ReferralStatus.REJECTED, ReferralStatus.CANCELLED,
                ReferralStatus.COMPLETED, ReferralStatus.FAILED)) {
            assertFalse(DuplicateCheck.isDuplicate(me, "p1", List.of("financial-debt"),
                    existing(me, "p1", List.of("financial-debt"), closed)));
        }
    }

    @Test
    void differentBsnsWithTheSameNameAndBirthDateStillMatchOnNameAndBirthDate() {
        // Name + date of birth is the fallback key; two BSNs do not overrule it (a typo in a BSN must not
        // let a duplicate through).
        var first = existing(client("111222333", "Tiny de Boer", BORN), "p1", List.of("smoking"),
                ReferralStatus.REQUESTED);
        assertTrue(DuplicateCheck.isDuplicate(client("123456782", "Tiny de Boer", BORN), "p1", List.of("smoking"),
                first));
    }

    @Test
    void firstDuplicatePointsAtTheExistingReferral() {
        var me = client(null, "Linda Bakker", BORN);
        var other = existing(me, "p2", List.of("trauma"), ReferralStatus.REQUESTED);
        var match = existing(me, "p1", List.of("trauma"), ReferralStatus.REQUESTED);
        assertEquals(match.id(), DuplicateCheck.firstDuplicate(me, "p1", List.of("trauma"), List.of(other, match))
                .orElseThrow().id());
    }

    @Test
    void pseudonymsDependOnTheKeyAndNeverContainTheBsn() {
        var a = ClientIdentity.pseudonyms(KEY, "111222333", "x", BORN);
        var b = ClientIdentity.pseudonyms("other".getBytes(StandardCharsets.UTF_8), "111222333", "x", BORN);
        assertNotEquals(a.byBsn(), b.byBsn());
        assertFalse(a.byBsn().orElseThrow().contains("111222333"));
        assertEquals(64, a.byNameAndBirthDate().length());
    }
}
