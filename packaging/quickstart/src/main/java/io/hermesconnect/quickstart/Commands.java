package io.hermesconnect.quickstart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short-lived commands (Maven, initdb, a JVM tool) to completion. */
final class Commands {

    private static final File NO_INPUT = new File("/dev/null");

    private Commands() {
    }

    /** Runs {@code command} in {@code dir} with this terminal's output; true if it exited with 0. */
    static boolean runInTerminal(Path dir, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO()
                .redirectInput(NO_INPUT);
        return await(String.join(" ", command), start(builder, command), null, Duration.ofHours(1)) == 0;
    }

    /**
     * Runs {@code command} with its output appended to {@code log} (or on this terminal if null) and its input
     * from {@code input} (or none);
     * fails naming {@code what} if it does not exit with 0 within {@code timeout}.
     */
    static void run(String what, List<String> command, Path input, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(input == null ? NO_INPUT : input.toFile());
        int exit = await(what, start(builder, command), log, timeout);
        if (exit != 0) {
            throw new QuickstartException(what + " failed (exit code " + exit + ")", log);
        }
    }

    private static Process start(ProcessBuilder builder, List<String> command) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new QuickstartException("cannot run " + command.get(0) + ": " + e.getMessage(), null, e);
        }
    }

    private static int await(String what, Process process, Path log, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new QuickstartException(what + " did not finish within " + timeout.toSeconds() + " s", log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new QuickstartException("interrupted while waiting for " + what, log, e);
        }
    }
}
