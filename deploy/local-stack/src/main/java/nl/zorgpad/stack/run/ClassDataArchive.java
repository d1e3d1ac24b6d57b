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
 *
 * <p>On JDK 25 and later the JDK's ahead-of-time cache takes its place ({@code -XX:AOTCacheOutput}, JEP 483, 514 and
 * 515): besides the classes, already linked, it keeps the method profiles of the training run, so a start from it
 * compiles the hot paths sooner. Whatever the trained process did before it stopped (a load run, a day of use) is
 * what the next start begins with (docs/benchmarks/system.md, "Warm-up"). Each JDK has a file of its own: an archive
 * of one JDK is of no use to another.
 */
final class ClassDataArchive {

    /** Every file of this class starts with this, so that none of them counts as part of the build. */
    private static final String PREFIX = "zorgpad-";
    private static final String NAME = PREFIX + "cds.jsa";
    /** The first JDK whose ahead-of-time cache keeps method profiles (JEP 515). */
    private static final int AOT_CACHE_JDK = 25;

    private final Path archive;
    private final Path training;
    private final boolean current;
    private final boolean aotCache;

    private ClassDataArchive(Path applicationFolder, int port, int jdk) {
        this.aotCache = jdk >= AOT_CACHE_JDK;
        String name = aotCache ? PREFIX + "jdk" + jdk + ".aot" : NAME;
        this.archive = applicationFolder.resolve(name);
        this.training = applicationFolder.resolve(name + "." + port + ".training");
        this.current = isNewerThanBuild(archive, applicationFolder);
    }

    /**
     * The archive of the packaged application in {@code applicationFolder} (target/quarkus-app), for the JDK that
     * runs this program, which is the one the run command starts the services with.
     */
    static ClassDataArchive of(Path applicationFolder, int port) {
        return of(applicationFolder, port, Runtime.version().feature());
    }

    static ClassDataArchive of(Path applicationFolder, int port, int jdk) {
        return new ClassDataArchive(applicationFolder, port, jdk);
    }

    /** JVM options that use a current archive, or train one; the JVM's own CDS warnings stay out of the log. */
    List<String> jvmOptions() {
        if (aotCache) {
            String use = current ? "-XX:AOTCache=" + archive : "-XX:AOTCacheOutput=" + training;
            return List.of(use, "-Xlog:aot=off", "-Xlog:cds=off");
        }
        String use = current ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + training;
        return List.of(use, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Whether this start trains: its stop then writes the archive, which takes longer. */
    boolean trains() {
        return !current;
    }

    /** Removes the archive, so that the next start trains a new one (with whatever that process then does). */
    void discard() {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                    .filter(file -> !file.getFileName().toString().startsWith(PREFIX))
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
