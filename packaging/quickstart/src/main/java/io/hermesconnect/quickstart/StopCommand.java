package io.hermesconnect.quickstart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code ./quickstart stop}: stops everything a start left running, from any shell. */
final class StopCommand {

    /** Long enough for a start to reach the point where it releases the lock. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(120);

    private final QuickstartPaths paths;
    private final ServiceProcesses processes;

    StopCommand(QuickstartPaths paths, Console console) {
        this.paths = paths;
        this.processes = new ServiceProcesses(paths, console);
    }

    int run() {
        try (StateLock lock = StateLock.acquire(paths, LOCK_WAIT, "another ./quickstart start or stop is still running")) {
            List<String> running = new ArrayList<>();
            for (Service service : Service.values()) {
                processes.running(service).ifPresent(p -> running.add(service.id() + " (pid " + p.pid() + ")"));
            }
            if (running.isEmpty()) {
                processes.stopAll(StartCommand.STOP_GRACE); // clears stale pid files
                System.out.println("Nothing is running.");
                return 0;
            }
            System.out.println("Stopping " + String.join(" ", running));
            processes.markStopping();
            long start = System.nanoTime();
            processes.stopAll(StartCommand.STOP_GRACE);
            System.out.println("Stopped in " + Console.seconds(System.nanoTime() - start));
            return 0;
        }
    }
}
