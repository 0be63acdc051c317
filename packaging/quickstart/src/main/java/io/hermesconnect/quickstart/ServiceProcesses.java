package io.hermesconnect.quickstart;

import io.hermesconnect.testkit.Wait;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The processes of the stack's services, found again from any later command through pid files in
 * {@code run/pids/}. A pid counts only while its process lives and its command line names this quickstart's state
 * folder (every JVM gets it as a marker property, PostgreSQL its data folder): a recycled pid is never signalled.
 */
final class ServiceProcesses {

    /** Connect first: a worker whose broker is already gone blocks ~60 s on shutdown. */
    private static final Set<Service> AFTER_CONNECT = EnumSet.complementOf(EnumSet.of(Service.CONNECT));
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);

    private final QuickstartPaths paths;
    private final Console console;

    ServiceProcesses(QuickstartPaths paths, Console console) {
        this.paths = paths;
        this.console = console;
    }

    /** The JVM option every JVM of the stack carries, so that {@link #running} can tell them from others. */
    String marker() {
        return "-Dhermes.quickstart=" + paths.state();
    }

    /**
     * Starts {@code command} for {@code service} in its own session (Ctrl-C reaches only the quickstart, which then
     * stops the services in order; the service outlives a detached start), output to the service's log.
     */
    void launch(Service service, List<String> command) {
        List<String> inSession = new ArrayList<>(List.of("setsid"));
        inSession.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(inSession).redirectErrorStream(true)
                .redirectOutput(paths.log(service).toFile()).redirectInput(new File("/dev/null"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new QuickstartException("cannot start " + service.id() + ": " + e.getMessage(), null, e);
        }
        recordPid(service, process.pid()); // setsid execs in place: same pid
        // until the JDK's spawn helper has exec'd the command, the process does not look like ours yet
        Wait.until(service.id() + " to start", EXEC_TIMEOUT, () -> !process.isAlive() || isOurs(process.toHandle()));
    }

    /** Tells a foreground start that the coming stop is no crash; the next start wipes it. */
    void markStopping() {
        try {
            Files.createDirectories(paths.run());
            Files.writeString(stoppingMarker(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stoppingMarker(), e);
        }
    }

    boolean stopping() {
        return Files.exists(stoppingMarker());
    }

    private Path stoppingMarker() {
        return paths.run().resolve("stopping");
    }

    void recordPid(Service service, long pid) {
        try {
            Files.createDirectories(paths.pids());
            Files.writeString(pidFile(service), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile(service), e);
        }
    }

    /** The service's process, if it runs and is ours. */
    Optional<ProcessHandle> running(Service service) {
        return recordedPid(service).flatMap(ProcessHandle::of).filter(this::isOurs);
    }

    boolean anyRunning() {
        return EnumSet.allOf(Service.class).stream().anyMatch(s -> running(s).isPresent());
    }

    /**
     * Stops every service that runs, Connect first, the others in parallel; each gets {@code grace} to exit
     * (three times that while JVMs save their class-data archives).
     */
    void stopAll(Duration grace) {
        if (Files.exists(paths.archivesPending()) && anyRunning()) {
            System.out.println("(first run: the JVMs save their class-data archives for faster start-ups, "
                    + "so this stop takes longer)");
            grace = grace.multipliedBy(3);
            try {
                Files.delete(paths.archivesPending());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + paths.archivesPending(), e);
            }
        }
        Duration perService = grace;
        stop(Service.CONNECT, perService);
        CompletableFuture.allOf(AFTER_CONNECT.stream()
                .map(s -> CompletableFuture.runAsync(() -> stop(s, perService))).toArray(CompletableFuture[]::new))
                .join();
    }

    /** A polite signal, then SIGKILL if the process is still there after {@code grace}; removes the pid file. */
    private void stop(Service service, Duration grace) {
        Optional<ProcessHandle> process = running(service);
        if (process.isPresent()) {
            signalStop(service, process.get());
            long deadline = System.nanoTime() + grace.toNanos();
            while (isOurs(process.get())) {
                if (System.nanoTime() - deadline > 0) {
                    console.warn(service.id() + " (pid " + process.get().pid() + ") did not stop within "
                            + grace.toSeconds() + " s: killing it");
                    process.get().destroyForcibly();
                    break;
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
        try {
            Files.deleteIfExists(pidFile(service));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pidFile(service), e);
        }
    }

    /** SIGTERM; PostgreSQL gets SIGINT, its "fast" shutdown (SIGTERM would wait for every client to leave). */
    private static void signalStop(Service service, ProcessHandle process) {
        if (service != Service.POSTGRES) {
            process.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal PostgreSQL (pid " + process.pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Long> recordedPid(Service service) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile(service)).strip()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile(service), e);
        }
    }

    /** Alive, not a zombie, and its command line names our state folder (Linux /proc). */
    private boolean isOurs(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            if (stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z")) {
                return false;
            }
            String commandLine = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            return commandLine.contains(paths.state().toString());
        } catch (IOException e) {
            return false; // gone
        }
    }

    private Path pidFile(Service service) {
        return paths.pids().resolve(service.id() + ".pid");
    }
}
