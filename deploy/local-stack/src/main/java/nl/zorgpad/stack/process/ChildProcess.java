package nl.zorgpad.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A server process started by the stack, with its output in a log file.
 *
 * <p>Every command runs under a small shell guard that reads our pipe to its standard input and kills the command
 * when that pipe closes. The pipe closes when we stop the process, and also when our JVM dies in any way (a failed
 * test run, Ctrl-C, kill -9), so no server outlives the JVM that started it.
 */
public final class ChildProcess {

    // A background job's stdin is /dev/null unless redirected explicitly, hence the copy of our pipe on fd 3.
    private static final String GUARD = "exec 3<&0; \"$@\" </dev/null & child=$!; "
            + "(cat <&3 >/dev/null; kill -TERM $child 2>/dev/null) & exec 3<&-; wait $child";

    private static final Pattern CONFIGURATION_LINE = Pattern.compile("\t[\\w.-]+ = .*");

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ChildProcess start(String name, List<String> command, Path workingDirectory,
                                     Map<String, String> environment, Path logFile) {
        List<String> guarded = new ArrayList<>(List.of("/bin/sh", "-c", GUARD, name));
        guarded.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(guarded)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Runs a command to completion (a set-up step such as formatting storage) and fails if it fails. */
    public static void runToCompletion(String name, List<String> command, Path workingDirectory, Path logFile,
                                       Duration timeout) {
        ChildProcess step = start(name, command, workingDirectory, Map.of(), logFile);
        try {
            if (!step.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                step.stop(Duration.ofSeconds(5));
                throw new IllegalStateException(name + " did not finish in " + timeout + "\n" + step.logTail());
            }
            if (step.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit " + step.process.exitValue() + ")\n" + step.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.stop(Duration.ofSeconds(5));
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    /** Waits until {@code ready} holds, failing early with the log's tail if the process dies first. */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new ExitedWhileStarting(name + " exited before it was ready (exit " + process.exitValue()
                        + "; " + freeDiskSpace() + "), see " + logFile + "\n" + logTail());
            }
            sleep(250);
        }
        stop(Duration.ofSeconds(5));
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s, see " + logFile
                + "\n" + logTail());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The resident memory of the program run (the shell guard's children), in MiB, as the kernel counts it
     * ({@code VmRSS} in /proc); 0 where /proc has no such entry.
     */
    public long residentMebibytes() {
        return process.toHandle().descendants().mapToLong(ChildProcess::residentKibibytes).sum() / 1024;
    }

    private static long residentKibibytes(ProcessHandle handle) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended in between, or this is no Linux: nothing to count.
        }
        return 0;
    }

    public Path logFile() {
        return logFile;
    }

    /** Kills the process and everything it forked at once, without a chance to shut down cleanly (a crash). */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        // SIGKILL is asynchronous: wait until the processes are gone, so their ports are free for a restart.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle handle : tree) {
            awaitExit(handle, deadline);
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks the process and everything it forked to stop, and kills what is still there after {@code grace}; true when
     * everything stopped by itself within it.
     */
    public boolean stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the guard is already gone
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, deadline);
        }
        tree.addAll(process.descendants().toList());
        boolean graceful = tree.stream().noneMatch(ProcessHandle::isAlive);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return graceful;
    }

    /**
     * The last 30 lines of the log, leaving out configuration dumps (tab-indented {@code key = value} lines, some
     * hundred of them per Kafka start) so that the lines which say what went wrong are among them.
     */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .filter(line -> !CONFIGURATION_LINE.matcher(line).matches())
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A process that ends while starting leaves little trace when its disk is full, so its failure says how full. */
    private String freeDiskSpace() {
        try {
            return Files.getFileStore(logFile).getUsableSpace() / (1024 * 1024) + " MB free on the log's disk";
        } catch (IOException e) {
            return "free disk space unknown: " + e.getMessage();
        }
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
        while (handle.isAlive() && System.nanoTime() < deadlineNanos) {
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The process ended while it was starting, as opposed to not becoming ready in time. */
    public static final class ExitedWhileStarting extends IllegalStateException {

        ExitedWhileStarting(String message) {
            super(message);
        }
    }
}
