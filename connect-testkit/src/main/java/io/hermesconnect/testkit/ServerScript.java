package io.hermesconnect.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the shell scripts shipped in this jar that start and stop real servers as local processes; each
 * script lies beside the fixture class that runs it.
 */
public final class ServerScript {

    private static final long TIMEOUT_SECONDS = 180;

    private final Class<?> owner;
    private final String name;

    /** The script {@code name}, a resource in {@code owner}'s package. */
    public ServerScript(Class<?> owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    /**
     * Runs the script with {@code env} added to this process's environment and waits for it.
     *
     * @throws IllegalStateException with the script's output if it fails or hangs
     */
    public void run(Map<String, String> env, String... args) {
        Path script = null;
        Path output = null;
        try {
            script = extract();
            output = Files.createTempFile("hermes-" + name + "-", ".log");
            List<String> command = new ArrayList<>(List.of("bash", script.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile()); // a file, not a pipe: daemons it starts may keep it open
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            if (!finished || process.exitValue() != 0) {
                throw new IllegalStateException(name + " " + String.join(" ", args)
                        + (finished ? " failed with exit code " + process.exitValue() : " timed out")
                        + ":\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + name, e);
        } finally {
            deleteQuietly(script);
            deleteQuietly(output);
        }
    }

    private Path extract() throws IOException {
        Path script = Files.createTempFile("hermes-", "-" + name);
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("script " + name + " missing beside " + owner);
            }
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
