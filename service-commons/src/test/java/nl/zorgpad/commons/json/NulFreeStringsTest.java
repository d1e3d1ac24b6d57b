package nl.zorgpad.commons.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class NulFreeStringsTest {

    record Contact(String phone) {
    }

    record Client(String name, List<String> languages, String[] notes, List<Contact> contacts) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(NulFreeStrings.module());

    @Test
    void ordinaryTextReadsAsBefore() throws Exception {
        Client client = mapper.readValue("""
                {"name":"Meriam El Amrani \\u00e9","languages":["nl","ar"],"notes":["a\\tb"],
                 "contacts":[{"phone":"0612345678"}]}""", Client.class);
        assertEquals("Meriam El Amrani \u00e9", client.name());
        assertEquals(List.of("nl", "ar"), client.languages());
        assertArrayEquals(new String[] {"a\tb"}, client.notes());
        assertEquals("0612345678", client.contacts().get(0).phone());
        assertNull(mapper.readValue("{\"name\":null}", Client.class).name());
        assertEquals("12", mapper.readValue("{\"name\":12}", Client.class).name(), "scalars still coerce to text");
    }

    @Test
    void aNulIsRefusedWhereverTheStringSits() {
        assertRefusedAt("name", "{\"name\":\"a\\u0000b\"}");
        assertRefusedAt("languages[1]", "{\"languages\":[\"nl\",\"\\u0000\"]}");
        assertRefusedAt("notes[0]", "{\"notes\":[\"x\\u0000\"]}");
        assertRefusedAt("contacts[0].phone", "{\"contacts\":[{\"phone\":\"06\\u0000\"}]}");
    }

    @Test
    void onlyAnEncodedNulInPathOrQueryCounts() {
        assertTrue(NulFreeStrings.inUri(URI.create("http://h/api/referrals/%00")));
        assertTrue(NulFreeStrings.inUri(URI.create("http://h/api/referrals?signal=debt%00")));
        assertTrue(NulFreeStrings.inUri(URI.create("http://h/api/x?q=%00")));
        assertFalse(NulFreeStrings.inUri(URI.create("http://h/api/referrals?signal=debt")));
        assertFalse(NulFreeStrings.inUri(URI.create("http://h/api/x?q=%2500")), "an escaped percent sign is text");
        assertFalse(NulFreeStrings.inUri(URI.create("http://h/api/x/100")));
    }

    private void assertRefusedAt(String field, String json) {
        NulFreeStrings.Refused refused = assertThrows(NulFreeStrings.Refused.class,
                () -> mapper.readValue(json, Client.class));
        assertEquals(field, refused.field());
        assertEquals(NulFreeStrings.MESSAGE, refused.getOriginalMessage());
    }
}
