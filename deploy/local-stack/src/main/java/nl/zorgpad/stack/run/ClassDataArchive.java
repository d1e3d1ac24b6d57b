package nl.zorgpad.stack.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM's class-data archive (AppCDS) of one packaged application: the classes a start loads, already parsed and
 * verified, mapped into memory by the next start instead of read from the jars again. It roughly halves a Quarkus
 * start on two cores (docs/benchmarks/console.md).
 *
 * <p>The archive is trained by the application itself: a start without a current archive runs with
 * {@code -XX:ArchiveClassesAtExit}, and the JVM writes the classes it loaded when the process stops normally. The
 * archive is kept beside the build output and counts as current only while it is newer than every file of that
 * build, so a rebuild trains again. Each process writes to a file of its own, moved into place after it stopped, so
 * two instances of one application never write the same file.
 */
final class ClassDataArchive {

    private static final String NAME = "zorgpad-cds.jsa";

    private final Path archive;
    private final Path training;
    private final boolean current;

    private ClassDataArchive(Path applicationFolder, int port) {
        this.archive = applicationFolder.resolve(NAME);
        this.training = applicationFolder.resolve(NAME + "." + port + ".training");
        this.current = isNewerThanBuild(archive, applicationFolder);
    }

    /** The archive of the packaged application in {@code applicationFolder} (target/quarkus-app). */
    static ClassDataArchive of(Path applicationFolder, int port) {
        return new ClassDataArchive(applicationFolder, port);
    }

    /** JVM options that use a current archive, or train one; the JVM's own CDS warnings stay out of the log. */
    List<String> jvmOptions() {
        String use = current ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + training;
        return List.of(use, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** After a normal stop: a trained archive replaces the old one. */
    void keepTraining() {
        try {
            if (Files.exists(training)) {
                Files.move(training, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            discardTraining();
        }
    }

    /** After a kill: whatever the JVM did not finish writing is not an archive. */
    void discardTraining() {
        try {
            Files.deleteIfExists(training);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isNewerThanBuild(Path archive, Path applicationFolder) {
        if (!Files.exists(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(applicationFolder)) {
            FileTime built = files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith(NAME))
                    .map(ClassDataArchive::lastModified)
                    .max(FileTime::compareTo)
                    .orElseThrow();
            return lastModified(archive).compareTo(built) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
