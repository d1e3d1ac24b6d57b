package nl.zorgpad.stack.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    private static final Instant BUILT = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path application;

    @Test
    void withoutAnArchiveTheStartTrainsOneIntoAFileOfItsOwn() throws IOException {
        build();

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + application.resolve("zorgpad-cds.jsa.8080.training"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), ClassDataArchive.of(application, 8080, 17).jvmOptions());
    }

    @Test
    void anArchiveNewerThanTheBuildIsUsed() throws IOException {
        build();
        write("zorgpad-cds.jsa", BUILT.plusSeconds(60));

        assertEquals("-XX:SharedArchiveFile=" + application.resolve("zorgpad-cds.jsa"),
                ClassDataArchive.of(application, 8080, 17).jvmOptions().get(0));
    }

    @Test
    void aRebuildMakesTheArchiveStaleSoTheNextStartTrainsAgain() throws IOException {
        build();
        write("zorgpad-cds.jsa", BUILT.plusSeconds(60));
        write("app/console.jar", BUILT.plusSeconds(120));

        assertTrue(ClassDataArchive.of(application, 8080, 17).jvmOptions().get(0)
                .startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void aNormalStopKeepsTheTrainedArchiveAndAKillDiscardsIt() throws IOException {
        build();
        ClassDataArchive stopped = ClassDataArchive.of(application, 8080, 17);
        write("zorgpad-cds.jsa.8080.training", Instant.now());
        stopped.keepTraining();
        assertTrue(Files.exists(application.resolve("zorgpad-cds.jsa")));
        assertFalse(Files.exists(application.resolve("zorgpad-cds.jsa.8080.training")));

        ClassDataArchive killed = ClassDataArchive.of(application, 8081, 17);
        write("zorgpad-cds.jsa.8081.training", Instant.now());
        killed.discardTraining();
        assertFalse(Files.exists(application.resolve("zorgpad-cds.jsa.8081.training")));
    }

    @Test
    void onJdk25TheAheadOfTimeCacheTrainsAndIsUsedInAFileOfThatJdk() throws IOException {
        build();
        write("zorgpad-cds.jsa", BUILT.plusSeconds(60)); // JDK 17's archive: no use to JDK 25

        ClassDataArchive first = ClassDataArchive.of(application, 8080, 25);
        assertEquals(List.of("-XX:AOTCacheOutput=" + application.resolve("zorgpad-jdk25.aot.8080.training"),
                "-Xlog:aot=off", "-Xlog:cds=off"), first.jvmOptions());
        assertTrue(first.trains());
        write("zorgpad-jdk25.aot.8080.training", BUILT.plusSeconds(90));
        first.keepTraining();

        ClassDataArchive next = ClassDataArchive.of(application, 8080, 25);
        assertEquals("-XX:AOTCache=" + application.resolve("zorgpad-jdk25.aot"), next.jvmOptions().get(0));
        assertFalse(next.trains());
        assertEquals("-XX:SharedArchiveFile=" + application.resolve("zorgpad-cds.jsa"),
                ClassDataArchive.of(application, 8080, 17).jvmOptions().get(0), "each JDK keeps its own");
    }

    private void build() throws IOException {
        write("quarkus-run.jar", BUILT);
        write("app/console.jar", BUILT);
        write("lib/main/quarkus-core.jar", BUILT.minusSeconds(3600));
    }

    private void write(String file, Instant modified) throws IOException {
        Path path = application.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, file);
        Files.setLastModifiedTime(path, FileTime.from(modified));
    }
}
