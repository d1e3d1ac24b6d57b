package nl.zorgpad.stack.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README shows the guided tour that {@code deploy/run} prints, with shell date expressions where the run prints
 * dates. The smoke check proves the printed commands work; this proves the README still shows those commands.
 */
class GuidedTourTest {

    @Test
    void readmeShowsTheToursCommands() throws IOException {
        Path readme = Path.of(System.getProperty("zorgpad.project.root", "../..")).resolve("README.md");
        String text = Files.readString(readme);
        List<GuidedTour.Step> steps = GuidedTour.steps("http://localhost:8180", "http://localhost:8082",
                "http://localhost:8083", "'$(date -d '+20 weeks' +%F)'", "'$(date -u -d '-1 minute' +%FT%TZ)'");
        for (GuidedTour.Step step : steps) {
            assertTrue(text.contains("\n" + step.command() + "\n"), "README.md lacks the tour command:\n"
                    + step.command());
        }
    }
}
