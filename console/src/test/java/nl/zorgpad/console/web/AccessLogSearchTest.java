package nl.zorgpad.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.client.ServiceProblem.FieldError;
import org.junit.jupiter.api.Test;

class AccessLogSearchTest {

    private static ServiceProblem invalid(String... fields) {
        List<FieldError> errors = java.util.Arrays.stream(fields).map(f -> new FieldError(f, "service text")).toList();
        return new ServiceProblem(422, "https://zorgpad.nl/problems/validation", "Invalid access-log query", errors,
                Map.of());
    }

    private static AccessLogSearch search(String bsn, String name, String birthDate, String referralId) {
        AccessLogSearch search = new AccessLogSearch();
        search.bsn = bsn;
        search.name = name;
        search.birthDate = birthDate;
        search.referralId = referralId;
        return search;
    }

    @Test
    void emptyFieldsAreNotSentAtAll() {
        AccessLogSearch search = search("", "  ", "", null);

        assertTrue(search.readable());
        assertNull(search.bsnValue());
        assertNull(search.nameValue());
        assertNull(search.birthDateValue());
        assertNull(search.referralIdValue());
    }

    @Test
    void bsnLosesTheSpacesAndDotsPeopleWriteInIt() {
        assertEquals("111222333", search(" 1112.22 333 ", null, null, null).bsnValue());
    }

    @Test
    void nameAndDatesAreReadAsTyped() {
        AccessLogSearch search = search(null, " Meriam El Amrani ", "1995-04-12",
                " 6F1C2A3B-0000-4000-8000-000000000001 ");

        assertTrue(search.readable());
        assertEquals("Meriam El Amrani", search.nameValue());
        assertEquals(LocalDate.of(1995, 4, 12), search.birthDateValue());
        assertEquals(UUID.fromString("6f1c2a3b-0000-4000-8000-000000000001"), search.referralIdValue());
    }

    @Test
    void unreadableReferralIdAndDateAreMarkedBeforeAnyCall() {
        AccessLogSearch search = search(null, "Meriam", "12-04-1995", "6f1c2a3b");

        assertFalse(search.readable());
        assertEquals(AccessLogSearch.INVALID, search.errorFor("birthDate"));
        assertEquals(AccessLogSearch.INVALID, search.errorFor("referralId"));
        assertFalse(search.hasError("name"));
    }

    @Test
    void shortenedUuidGroupsAreNotAReferralId() {
        assertNull(search(null, null, null, "1-2-3-4-5").referralIdValue());
    }

    @Test
    void nothingFilledInIsAMissingBsn() {
        AccessLogSearch search = search("", "", "", "");

        search.refusedWith(invalid("bsn"));

        assertEquals(Map.of("bsn", AccessLogSearch.MISSING), search.errors);
    }

    @Test
    void aWrongBsnIsInvalid() {
        AccessLogSearch search = search("123456789", "", "", "");

        search.refusedWith(invalid("bsn"));

        assertEquals(Map.of("bsn", AccessLogSearch.INVALID), search.errors);
    }

    @Test
    void aNameWithoutItsBirthDateMissesTheDate() {
        AccessLogSearch search = search("", "Meriam El Amrani", "", "");

        search.refusedWith(invalid("birthDate"));

        assertEquals(Map.of("birthDate", AccessLogSearch.MISSING), search.errors);
        assertEquals("Meriam El Amrani", search.name, "the input stays");
    }

    @Test
    void fieldsTheFormDoesNotHaveAreLeftToTheMessageAtTheTop() {
        AccessLogSearch search = search("", "", "1995-04-12", "");

        search.refusedWith(invalid("name", "query"));

        assertEquals(Map.of("name", AccessLogSearch.MISSING), search.errors);
    }

    @Test
    void aSearchFromTheTableIsByReferralOnly() {
        AccessLogSearch search = AccessLogSearch.forReferral("6f1c2a3b-0000-4000-8000-000000000001");

        assertTrue(search.readable());
        assertNull(search.bsnValue());
        assertNull(search.nameValue());
        assertEquals(UUID.fromString("6f1c2a3b-0000-4000-8000-000000000001"), search.referralIdValue());
    }

    @Test
    void theOverviewNeedsAClientNotOnlyAReferralId() {
        AccessLogSearch onlyReferral = search("", "", "", UUID.randomUUID().toString());
        assertFalse(onlyReferral.namesAClient());
        assertEquals(AccessLogSearch.NO_CLIENT, onlyReferral.errorFor("bsn"));

        assertTrue(search("111222333", null, null, null).namesAClient());
        assertTrue(search(null, "Meriam", null, null).namesAClient(), "the service says the birth date is missing");
        AccessLogSearch byDate = search(null, null, "2001-03-04", null);
        assertTrue(byDate.namesAClient());
        assertFalse(byDate.hasError("bsn"));
    }
}
