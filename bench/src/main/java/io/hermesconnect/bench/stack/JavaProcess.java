package io.hermesconnect.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by the harness (broker, Connect worker, a tool), its output in a log file. {@link #close()}
 * asks it to stop (SIGTERM, so its shutdown hooks run) and kills it if it has not exited after a grace period.
 */
public final class JavaProcess implements AutoCloseable {

    private static final long STOP_GRACE_SECONDS = 60;

    private final String name;
    private final Process process;
    private final Path log;

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} with output to {@code log}. */
    public static JavaProcess start(String name, String classpath, List<String> jvmOptions, String mainClass,
            List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new JavaProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Runs a short-lived JVM to completion and fails with its output if it exits non-zero or overruns. */
    public static void run(String name, String classpath, String mainClass, List<String> args, Path log,
            long timeoutSeconds) {
        run(name, classpath, List.of(), mainClass, args, log, timeoutSeconds);
    }

    /** Runs a short-lived JVM with {@code jvmOptions} to completion, as {@link #run(String, String, String, List, Path, long)}. */
    public static void run(String name, String classpath, List<String> jvmOptions, String mainClass, List<String> args,
            Path log, long timeoutSeconds) {
        JavaProcess tool = start(name, classpath, jvmOptions, mainClass, args, log);
        try {
            if (!tool.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not finish in " + timeoutSeconds + " s; " + tool.logTail());
            }
            if (tool.process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + tool.process.exitValue() + "; " + tool.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        } finally {
            tool.close();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Throws with the end of its log if the process has exited. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; " + logTail());
        }
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log + ":\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                System.err.println(name + " (pid " + process.pid() + ") ignored SIGTERM for "
                        + STOP_GRACE_SECONDS + " s: killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
