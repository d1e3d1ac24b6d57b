package nl.zorgpad.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other scenario: no line that any service (any replica) or the console logged during the whole
 * run names a family, her BSN, her phone number or what the midwife wrote about her.
 */
@ExtendWith(RunningSystem.class)
@Order(99)
class NoClientDataInLogsTest {

    @Test
    void noLogLineOfTheRunHoldsClientData() throws IOException {
        RunningSystem.system(); // the logs of the system the tests started
        List<String> clientData = List.of("Meriam El Amrani", "Linda Bakker", "Tiny de Jong", "Burst Family",
                ReplicasScenarioTest.FAMILY,
                Families.MERIAM_BSN, Families.LINDA_BSN, Families.TINY_BSN, "0612345678",
                "history of sexual abuse", "arrears on rent and energy", "never send letters");
        List<String> found = new ArrayList<>();
        long lines = 0;
        List<String> modules = List.of("pathway-service", "referral-service", "notification-service", "console");
        List<Path> logs;
        try (Stream<Path> files = Files.list(RunningSystem.logOf("console").getParent())) {
            // The first instance of each application and every further replica (referral-service-2.log).
            logs = files.filter(file -> modules.stream().anyMatch(file.getFileName().toString()::startsWith))
                    .sorted().toList();
        }
        for (String module : modules) {
            assertTrue(logs.contains(RunningSystem.logOf(module)), module + " logged: " + logs);
        }
        for (Path file : logs) {
            List<String> log = Files.readAllLines(file, StandardCharsets.UTF_8);
            lines += log.size();
            for (String line : log) {
                clientData.stream().filter(line::contains)
                        .forEach(datum -> found.add(file.getFileName() + ": " + datum));
            }
        }
        assertTrue(lines > 50, "the logs of the run were read: " + lines + " lines");
        assertEquals(List.of(), found);
    }
}
