package io.hermesconnect.bench.stack;

import io.hermesconnect.testkit.TempDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What the broker and worker JVMs run on: the Kafka class path written by {@code bench/stack/kafka/pom.xml}
 * (Kafka and Connect from Maven Central, no plugin of ours, no PgJDBC) and a quiet log4j2 configuration.
 */
public record KafkaRuntime(String classpath, Path log4jConfig) {

    /** Empties {@code workDir}, makes its {@code kafka} folder for the broker's data, and prepares the runtime there. */
    public static KafkaRuntime prepareFresh(Path classpathFile, Path workDir) {
        TempDirs.deleteRecursively(workDir);
        try {
            Files.createDirectories(workDir.resolve("kafka"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + workDir.resolve("kafka"), e);
        }
        return prepare(classpathFile, workDir);
    }

    public static KafkaRuntime prepare(Path classpathFile, Path workDir) {
        try {
            if (!Files.isRegularFile(classpathFile)) {
                throw new IllegalStateException("no Kafka class path at " + classpathFile
                        + ": run `mvn -f bench/stack/kafka/pom.xml package` (bench/wal-bench.sh does)");
            }
            Path log4j = workDir.resolve("log4j2.xml");
            try (InputStream config = KafkaRuntime.class.getResourceAsStream("log4j2.xml")) {
                Files.copy(config, log4j, StandardCopyOption.REPLACE_EXISTING);
            }
            return new KafkaRuntime(Files.readString(classpathFile).strip(), log4j);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the Kafka runtime in " + workDir, e);
        }
    }

    /** A fixed heap (initial = maximum, so heap sizing does not drift between runs), G1, our log config. */
    List<String> jvmOptions(String heap) {
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + log4jConfig);
    }
}
