package nl.zorgpad.system;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemFolderLockTest {

    @TempDir
    Path temp;

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheFolderAndMayStartOnceItEnded() {
        Path folder = temp.resolve("system");
        try (SystemFolderLock first = SystemFolderLock.take(folder)) {
            var refused = assertThrows(IllegalStateException.class, () -> SystemFolderLock.take(folder));
            assertTrue(refused.getMessage().contains("Another system-test run uses " + folder), refused.getMessage());
        }
        SystemFolderLock.take(folder).close();
    }
}
