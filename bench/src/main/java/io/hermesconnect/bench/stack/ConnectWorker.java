package io.hermesconnect.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermesconnect.bench.profile.JfrSettings;
import io.hermesconnect.quickstart.StackSettings;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectRestClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Connect distributed worker in its own JVM: fixed heap, JsonConverter with schemas for keys and values,
 * service-loader plugin discovery from one {@code plugin.path} directory, and remote JMX on a loopback port
 * (no authentication) for the heap figures and flight recordings; optionally with JFR CPU sampling.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final JavaProcess process;
    private final Map<String, String> config;
    private final ConnectRestClient rest;
    private final WorkerJmx jmx;

    private ConnectWorker(JavaProcess process, Map<String, String> config, ConnectRestClient rest, WorkerJmx jmx) {
        this.process = process;
        this.config = config;
        this.rest = rest;
        this.jmx = jmx;
    }

    /**
     * @param settings       worker settings that override or add to the defaults below (e.g. {@code producer.linger.ms})
     * @param flightRecorder whether the worker runs with JFR CPU sampling (see {@link #flightRecorderOptions})
     */
    public static ConnectWorker start(KafkaRuntime runtime, Path dir, String bootstrapServers, Path pluginPath,
            String heap, Map<String, String> settings, boolean flightRecorder) {
        int restPort = FreePort.find();
        int jmxPort = FreePort.find();
        Map<String, String> config = StackSettings.worker(bootstrapServers, "bench", "bench-", "127.0.0.1", restPort,
                pluginPath);
        config.put("key.converter.schemas.enable", "true");
        config.put("value.converter.schemas.enable", "true");
        // Connect's producer sends one request at a time (max.in.flight=1); with its default 16 KB batches and
        // JSON-with-schema records of ~2 KB that caps every connector at a few thousand events/s, and the
        // benchmark would compare Kafka round trips instead of connectors. Large batches and lz4 lift that cap
        // (linger stays 0, so a lone record is not delayed). Same for every connector; --worker.* overrides.
        config.put("producer.batch.size", Integer.toString(1 << 20));
        config.put("producer.compression.type", "lz4");
        config.putAll(settings);
        Path properties = dir.resolve("connect.properties");
        KafkaBroker.write(properties, StackSettings.toProperties(config));

        List<String> jvm = new ArrayList<>(runtime.jvmOptions(heap));
        jvm.addAll(List.of(
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false"));
        if (flightRecorder) {
            jvm.addAll(flightRecorderOptions(dir));
        }
        JavaProcess process = JavaProcess.start("Connect worker", runtime.classpath(), jvm,
                "org.apache.kafka.connect.cli.ConnectDistributed", List.of(properties.toString()),
                dir.resolve("connect.log"));
        ConnectRestClient rest = new ConnectRestClient(URI.create("http://127.0.0.1:" + restPort + "/"));
        try {
            // a dead worker ends the wait at once (null), a REST answer ends it with the plugin list
            Wait.until("the Connect worker's REST API on port " + restPort, START_TIMEOUT,
                    () -> process.isAlive() ? connectorClasses(rest) : null, plugins -> true);
            process.requireAlive();
            WorkerJmx jmx = WorkerJmx.connect(jmxPort, Duration.ofSeconds(30));
            return new ConnectWorker(process, Map.copyOf(config), rest, jmx);
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    /**
     * JFR from the start, so that its set-up (classes, threads, repository) is done before the first measured
     * run rather than during it: a recording of the worker's whole life, written to {@code worker.jfr} when it
     * exits (it also covers the warm-up and latency runs). Stacks up to 256 frames, not JFR's 64, so that the
     * roots of Connect's deep send path stay in the samples.
     */
    private static List<String> flightRecorderOptions(Path dir) {
        Path settings = dir.resolve("cpu-sampling.jfc");
        KafkaBroker.write(settings, JfrSettings.CPU_SAMPLING);
        return List.of("-XX:FlightRecorderOptions=stackdepth=256",
                "-XX:StartFlightRecording=name=worker,settings=" + settings + ",filename=" + dir.resolve("worker.jfr")
                        + ",dumponexit=true");
    }

    /** The worker's settings as written to its properties file. */
    public Map<String, String> config() {
        return config;
    }

    public ConnectRestClient rest() {
        return rest;
    }

    public WorkerJmx jmx() {
        return jmx;
    }

    /** Throws with the end of the worker's log if it died. */
    public void requireAlive() {
        process.requireAlive();
    }

    /** The connector classes the worker loaded from its plugin path and class path. */
    public List<String> connectorClasses() {
        return connectorClasses(rest);
    }

    private static List<String> connectorClasses(ConnectRestClient rest) {
        List<String> classes = new ArrayList<>();
        for (JsonNode plugin : rest.request("GET", "connector-plugins", null).requireSuccess().json()) {
            classes.add(plugin.path("class").asText());
        }
        return classes;
    }

    @Override
    public void close() {
        try {
            jmx.close();
        } finally {
            process.close();
        }
    }
}
