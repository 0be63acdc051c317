package io.hermesconnect.bench.stack;

import io.hermesconnect.quickstart.StackSettings;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single-node KRaft broker (broker and controller) in its own JVM, on free loopback ports. */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final JavaProcess process;
    private final String bootstrapServers;

    private KafkaBroker(JavaProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBroker start(KafkaRuntime runtime, Path dir) {
        int port = FreePort.find();
        int controllerPort = FreePort.find();
        Path config = dir.resolve("server.properties");
        Map<String, String> settings = StackSettings.broker("127.0.0.1", port, controllerPort, dir.resolve("data"));
        // the harness deletes each run's topics: free their disk soon
        settings.put("file.delete.delay.ms", "1000");
        write(config, StackSettings.toProperties(settings));
        JavaProcess.run("kafka storage format", runtime.classpath(), "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                dir.resolve("format.log"), 120);
        JavaProcess process = JavaProcess.start("Kafka broker", runtime.classpath(), runtime.jvmOptions("1g"),
                "kafka.Kafka", List.of(config.toString()), dir.resolve("kafka.log"));
        KafkaBroker broker = new KafkaBroker(process, "127.0.0.1:" + port);
        try {
            Wait.until("the Kafka broker to answer on port " + port, START_TIMEOUT,
                    () -> !process.isAlive() || broker.answers());
            process.requireAlive();
            return broker;
        } catch (RuntimeException | AssertionError e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private boolean answers() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
