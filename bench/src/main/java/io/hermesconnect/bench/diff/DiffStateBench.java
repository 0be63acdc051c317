package io.hermesconnect.bench.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hermesconnect.bench.CommandLine;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.report.TextTable;
import io.hermesconnect.bench.stack.JavaProcess;
import io.hermesconnect.bench.stack.KafkaBroker;
import io.hermesconnect.bench.stack.KafkaRuntime;
import io.hermesconnect.bench.stack.Topics;
import io.hermesconnect.source.diff.store.PollStateWriter;
import io.hermesconnect.source.diff.store.StateStore;
import io.hermesconnect.source.diff.store.StateStoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The polling-diff state benchmark: how fast a worker that starts with an empty disk rebuilds its local copy of the
 * state from the state topic (issue 15's goal: at least 200k objects/s), and with how much heap. For each size, the
 * harness writes a state of that many {@code Users} (8 attributes) through a {@link StateStore}, as a first poll
 * would, then a JVM of its own with a small heap ({@code --restore-heap}, 512m) restores it into an empty directory
 * ({@link DiffStateRestore}). Run it with bench/diff-state-bench.sh.
 */
public final class DiffStateBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);
    private static final long RESTORE_TIMEOUT_SECONDS = 1800;
    private static final double MB = 1024.0 * 1024.0;

    private DiffStateBench() {
    }

    public static void main(String[] args) throws IOException {
        Optional<DiffStateBenchOptions> parsed = CommandLine.parseOrExit(args, DiffStateBenchOptions.USAGE, DiffStateBenchOptions::parse);
        if (parsed.isEmpty()) {
            return;
        }
        DiffStateBenchOptions options = parsed.get();
        Machine machine = Machine.describe();
        log("machine: " + machine.summary());
        Path workDir = options.workDir().toAbsolutePath();
        KafkaRuntime runtime = KafkaRuntime.prepareFresh(options.kafkaClasspath(), workDir);
        List<Map<String, Object>> results = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(runtime, workDir.resolve("kafka"));
                Topics topics = new Topics(broker.bootstrapServers())) {
            for (long size : options.sizes()) {
                results.add(run(options, broker.bootstrapServers(), topics, size));
            }
        }
        print(results);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", machine);
        document.put("restoreHeap", options.restoreHeap());
        document.put("results", results);
        Files.createDirectories(options.output().toAbsolutePath().getParent());
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.output().toFile(), document);
        log("results written to " + options.output());
    }

    private static Map<String, Object> run(DiffStateBenchOptions options, String bootstrapServers, Topics topics, long size)
            throws IOException {
        String topic = "diff-state-" + size;
        Path runDir = options.workDir().toAbsolutePath().resolve(topic);
        Files.createDirectories(runDir);

        log(String.format("%,d objects: writing the state (one poll's commit)", size));
        long fillStart = System.nanoTime();
        StateStoreSettings settings = new StateStoreSettings(runDir.resolve("writer"), topic, 1,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), "diff-state-bench", KAFKA_TIMEOUT);
        try (StateStore store = StateStore.open(settings); PollStateWriter writer = store.begin()) {
            for (long id = 0; id < size; id++) {
                writer.put(StateBenchObjects.TYPE, StateBenchObjects.user(id));
            }
            writer.commit(1);
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        log(String.format("%,d objects: restoring into an empty directory at -Xmx%s", size, options.restoreHeap()));
        Path resultFile = runDir.resolve("restore.properties");
        JavaProcess.run("restore of " + topic, System.getProperty("java.class.path"),
                List.of("-Xms" + options.restoreHeap(), "-Xmx" + options.restoreHeap(), "-XX:+UseG1GC",
                        "-Dlog4j2.configurationFile=bench-log4j2.xml"),
                DiffStateRestore.class.getName(),
                List.of(bootstrapServers, topic, runDir.resolve("restored").toString(), resultFile.toString()),
                runDir.resolve("restore.log"), RESTORE_TIMEOUT_SECONDS);
        Properties restore = new Properties();
        try (InputStream in = Files.newInputStream(resultFile)) {
            restore.load(in);
        }
        long objects = Long.parseLong(restore.getProperty("objects"));
        if (objects != size) {
            throw new IllegalStateException("the restore holds " + objects + " objects, not " + size);
        }
        double restoreSeconds = Long.parseLong(restore.getProperty("millis")) / 1000.0;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("objects", size);
        result.put("writeSeconds", fillSeconds);
        result.put("writeObjectsPerSecond", size / fillSeconds);
        result.put("topicBytes", topics.sizeBytes(topic));
        result.put("restoreOutcome", restore.getProperty("outcome"));
        result.put("restoreSeconds", restoreSeconds);
        result.put("restoreObjectsPerSecond", size / restoreSeconds);
        double cpuSeconds = Long.parseLong(restore.getProperty("cpuMillis")) / 1000.0;
        result.put("restoreCpuSeconds", cpuSeconds);
        result.put("restoreObjectsPerCpuSecond", size / cpuSeconds);
        result.put("restorePeakHeapBytes", Long.parseLong(restore.getProperty("peakHeapBytes")));
        result.put("restoreLiveHeapBytes", Long.parseLong(restore.getProperty("liveHeapBytes")));
        result.put("localCopyBytes", Long.parseLong(restore.getProperty("localCopyBytes")));
        log(String.format("%,d objects: restored in %.1f s, %,.0f objects/s, %,.0f objects per CPU second (load %s)",
                size, restoreSeconds, size / restoreSeconds, size / cpuSeconds, Machine.load()));
        return result;
    }

    private static void print(List<Map<String, Object>> results) {
        TextTable table = new TextTable("objects", "write s", "write obj/s", "topic MB", "restore s", "restore obj/s",
                "restore CPU s", "obj/CPU s", "peak heap MB", "live heap MB", "local copy MB");
        for (Map<String, Object> result : results) {
            table.row(String.format("%,d", (Long) result.get("objects")),
                    TextTable.number((Double) result.get("writeSeconds"), 1),
                    TextTable.number((Double) result.get("writeObjectsPerSecond"), 0),
                    TextTable.number((Long) result.get("topicBytes") / MB, 1),
                    TextTable.number((Double) result.get("restoreSeconds"), 1),
                    TextTable.number((Double) result.get("restoreObjectsPerSecond"), 0),
                    TextTable.number((Double) result.get("restoreCpuSeconds"), 1),
                    TextTable.number((Double) result.get("restoreObjectsPerCpuSecond"), 0),
                    TextTable.number((Long) result.get("restorePeakHeapBytes") / MB, 0),
                    TextTable.number((Long) result.get("restoreLiveHeapBytes") / MB, 0),
                    TextTable.number((Long) result.get("localCopyBytes") / MB, 1));
        }
        System.out.println();
        System.out.print(table);
    }

    private static void log(String message) {
        System.out.println("[diff-state-bench] " + message);
    }
}
