package nl.zorgpad.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgpad.commons.problem.ProblemType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every error answer of every published operation names the problem types it can carry (x-problem-types), each one
 * of the product's table (service-commons ProblemType) and answered with that status.
 */
class ProblemTypesInContractsTest {

    private static final Path CONTRACTS = Path.of(System.getProperty("zorgpad.project.root", "..")).resolve("openapi");

    @ParameterizedTest
    @ValueSource(strings = {"pathway-service", "referral-service", "notification-service"})
    void everyErrorAnswerNamesItsProblemTypes(String service) throws IOException {
        Map<?, ?> document;
        try (Reader reader = Files.newBufferedReader(CONTRACTS.resolve(service + ".yaml"))) {
            document = new Yaml().load(reader);
        }
        int errorAnswers = 0;
        for (Map.Entry<?, ?> path : ((Map<?, ?>) document.get("paths")).entrySet()) {
            for (Map.Entry<?, ?> operation : ((Map<?, ?>) path.getValue()).entrySet()) {
                Map<?, ?> responses = (Map<?, ?>) ((Map<?, ?>) operation.getValue()).get("responses");
                for (Map.Entry<?, ?> response : responses.entrySet()) {
                    String status = String.valueOf(response.getKey());
                    if (!status.startsWith("4") && !status.startsWith("5")) {
                        continue;
                    }
                    errorAnswers++;
                    String where = service + " " + operation.getKey() + " " + path.getKey() + " " + status;
                    List<?> types = (List<?>) ((Map<?, ?>) response.getValue()).get("x-problem-types");
                    assertNotNull(types, where + " names no problem types");
                    assertFalse(types.isEmpty(), where);
                    for (Object slug : types) {
                        Optional<ProblemType> type = Arrays.stream(ProblemType.values())
                                .filter(t -> t.slug().equals(slug)).findFirst();
                        assertEquals(status, type.map(t -> String.valueOf(t.status())).orElse("no such type " + slug),
                                where + ": " + slug);
                    }
                }
            }
        }
        assertFalse(errorAnswers == 0, service + " documents no error answer at all");
    }
}
