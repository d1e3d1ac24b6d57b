package nl.zorgpad.stack.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failed start tells the person reading a CI log: the process's own last words, not its configuration. */
class ChildProcessTest {

    @TempDir
    Path folder;

    @Test
    void aProcessThatEndsWhileStartingIsReportedWithItsExitCodeAndLastLinesButNotItsConfigurationDump() {
        ChildProcess process = ChildProcess.start("broker", List.of("sh", "-c",
                "echo 'Starting broker'; printf 'KafkaConfig values:\\n\\tssl.key = null\\n\\tlog.dirs = /data\\n'; "
                        + "echo 'Shutdown broker because all log dirs have failed'; exit 3"),
                folder, Map.of(), folder.resolve("broker.log"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> process.awaitReady(Duration.ofSeconds(30), () -> false));

        assertInstanceOf(ChildProcess.ExitedWhileStarting.class, failure);
        String message = failure.getMessage();
        assertTrue(message.contains("exit 3"), message);
        assertTrue(message.contains("MB free on the log's disk"), message);
        assertTrue(message.contains("Starting broker\nKafkaConfig values:\nShutdown broker because all log dirs"),
                message);
        assertFalse(message.contains("ssl.key"), message);
    }

    @Test
    void aProcessThatIsStillStartingAtTheDeadlineIsStoppedAndReportedAsNotReady() {
        ChildProcess process = ChildProcess.start("slow", List.of("sh", "-c", "echo waiting; sleep 60"),
                folder, Map.of(), folder.resolve("slow.log"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> process.awaitReady(Duration.ofSeconds(1), () -> false));

        assertFalse(failure instanceof ChildProcess.ExitedWhileStarting, failure.getMessage());
        assertTrue(failure.getMessage().contains("was not ready within 1 s"), failure.getMessage());
        assertFalse(process.isAlive(), "the process is stopped when it misses its deadline");
    }
}
