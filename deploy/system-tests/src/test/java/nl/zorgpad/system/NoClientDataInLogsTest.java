package nl.zorgpad.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other scenario: no line that any service or the console logged during the whole run names a
 * family, her BSN, her phone number or what the midwife wrote about her.
 */
@ExtendWith(RunningSystem.class)
@Order(99)
class NoClientDataInLogsTest {

    @Test
    void noLogLineOfTheRunHoldsClientData() throws IOException {
        RunningSystem.system(); // the logs of the system the tests started
        List<String> clientData = List.of("Meriam El Amrani", "Linda Bakker", "Tiny de Jong", "Burst Family",
                Families.MERIAM_BSN, Families.LINDA_BSN, Families.TINY_BSN, "0612345678",
                "history of sexual abuse", "arrears on rent and energy", "never send letters");
        List<String> found = new ArrayList<>();
        long lines = 0;
        for (String module : List.of("pathway-service", "referral-service", "notification-service", "console")) {
            List<String> log = Files.readAllLines(RunningSystem.logOf(module), StandardCharsets.UTF_8);
            lines += log.size();
            for (String line : log) {
                clientData.stream().filter(line::contains).forEach(datum -> found.add(module + ": " + datum));
            }
        }
        assertTrue(lines > 50, "the logs of the run were read: " + lines + " lines");
        assertEquals(List.of(), found);
    }
}
