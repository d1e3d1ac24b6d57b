package nl.zorgpad.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds the system folder of one test run. A second run on the same checkout would delete the first one's data and
 * stop its PostgreSQL when it ends, spoiling both (seen with a benchmark started beside a test run); with this lock
 * it refuses at once instead. The operating system releases the lock when the holding JVM ends, also when it is
 * killed, so no stale lock remains.
 */
final class SystemFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SystemFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock beside {@code folder}, or fails saying that another run holds it. */
    static SystemFolderLock take(Path folder) {
        Path file = folder.resolveSibling(folder.getFileName() + ".lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another system-test run uses " + folder + " (it holds " + file
                        + "); wait for it to end, or stop it, before starting this one");
            }
            return new SystemFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
