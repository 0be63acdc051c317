package io.hermesconnect.bench.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hermesconnect.bench.CommandLine;
import io.hermesconnect.bench.profile.JfrExecutionSamples;
import io.hermesconnect.bench.profile.ProfileSummary;
import io.hermesconnect.bench.profile.ProfileTables;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.report.TextTable;
import io.hermesconnect.bench.stack.ConnectWorker;
import io.hermesconnect.bench.stack.FlightRecording;
import io.hermesconnect.bench.stack.JavaProcess;
import io.hermesconnect.bench.stack.KafkaBroker;
import io.hermesconnect.bench.stack.KafkaRuntime;
import io.hermesconnect.bench.stack.Topics;
import io.hermesconnect.bench.stack.WorkerJmx;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The polling-diff poll benchmark (issue 15's goals: a poll within 1.5× of a plain JDBC read of the same query, the
 * worker's heap flat with size at {@code -Xmx512m}, a two-source merge plus an integrity constraint within 3× of the
 * plain reads of both sources). For each case, a connector of its own polls a PostgreSQL table of {@code Users} (8
 * columns) in a Connect worker: a first poll (the initial snapshot), then 1% of the rows updated, 0.1% deleted and
 * 0.1% inserted, the plain read of the changed tables in a JVM with the worker's heap ({@link PlainJdbcRead}), and
 * the measured second poll, started by restarting the task (its state is written, so it polls at once). Figures come
 * from the connector's MBean and the worker's heap over JMX. Run it with bench/diff-poll-bench.sh.
 */
public final class DiffPollBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTOR_CLASS = "io.hermesconnect.source.diff.PollingDiffSourceConnector";
    private static final Duration POLL_TIMEOUT = Duration.ofMinutes(60);
    private static final long PLAIN_READ_TIMEOUT_SECONDS = 3600;
    private static final int FETCH_SIZE = 1000; // the connector's default sources.<S>.jdbc.fetch.size
    private static final int TOP_METHODS = 15;
    private static final double MB = 1024.0 * 1024.0;
    private static final String[] COLUMNS = {"case", "rows", "initial poll s", "poll s", "fetch+merge s",
        "constraint s", "diff+emit s", "state write s", "plain read s", "poll / plain", "worker CPU s", "plain read CPU s", "events", "peak heap MB",
        "live heap MB", "state topic MB"};

    private final DiffPollBenchOptions options;
    private final Path workDir;
    private final DiffPollDatabase db;
    private final ConnectWorker worker;
    private final Topics topics;
    private final String bootstrapServers;
    private final Map<String, ProfileSummary> profiles = new LinkedHashMap<>();

    private DiffPollBench(DiffPollBenchOptions options, Path workDir, DiffPollDatabase db, ConnectWorker worker,
            Topics topics, String bootstrapServers) {
        this.options = options;
        this.workDir = workDir;
        this.db = db;
        this.worker = worker;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    public static void main(String[] args) throws IOException {
        Optional<DiffPollBenchOptions> parsed = CommandLine.parseOrExit(args, DiffPollBenchOptions.USAGE, DiffPollBenchOptions::parse);
        if (parsed.isEmpty()) {
            return;
        }
        DiffPollBenchOptions options = parsed.get();
        Machine machine = Machine.describe();
        log("machine: " + machine.summary());
        Path workDir = options.workDir().toAbsolutePath();
        KafkaRuntime runtime = KafkaRuntime.prepareFresh(options.kafkaClasspath(), workDir);
        Files.createDirectories(workDir.resolve("connect"));
        List<Map<String, Object>> results = new ArrayList<>();
        Map<String, ProfileSummary> profiles;
        try (PostgresServer postgres = PostgresServer.start(PostgresVersion.V17);
                KafkaBroker broker = KafkaBroker.start(runtime, workDir.resolve("kafka"));
                ConnectWorker worker = ConnectWorker.start(runtime, workDir.resolve("connect"), broker.bootstrapServers(),
                        options.pluginPath().toAbsolutePath(), options.workerHeap(), Map.of(), options.profile());
                Topics topics = new Topics(broker.bootstrapServers())) {
            if (!worker.connectorClasses().contains(CONNECTOR_CLASS)) {
                throw new IllegalStateException(CONNECTOR_CLASS + " is not in " + options.pluginPath()
                        + ": run bench/diff-poll-bench.sh, which builds it there");
            }
            DiffPollBench bench = new DiffPollBench(options, workDir, new DiffPollDatabase(postgres), worker, topics,
                    broker.bootstrapServers());
            for (long size : options.sizes()) {
                results.add(bench.runOrReport(size, false));
            }
            if (options.mergeSize() > 0) {
                results.add(bench.runOrReport(options.mergeSize(), true));
            }
            profiles = bench.profiles;
        }
        print(results);
        if (!profiles.isEmpty()) {
            System.out.println(ProfileTables.text(profiles));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", machine);
        document.put("workerHeap", options.workerHeap());
        document.put("results", results);
        Files.createDirectories(options.output().toAbsolutePath().getParent());
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.output().toFile(), document);
        log("results written to " + options.output());
        if (results.stream().anyMatch(result -> result.containsKey("error"))) {
            System.exit(1);
        }
    }

    /** One case; a case that fails is reported in the results (and leaves its connector and tables behind). */
    private Map<String, Object> runOrReport(long rows, boolean merge) throws IOException {
        try {
            return run(rows, merge);
        } catch (RuntimeException | AssertionError e) {
            String name = (merge ? "merge-" : "users-") + rows;
            log(name + " FAILED: " + e.getMessage());
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("case", name);
            failure.put("rows", rows);
            failure.put("error", e.getMessage());
            return failure;
        }
    }

    private Map<String, Object> run(long rows, boolean merge) throws IOException {
        String name = (merge ? "merge-" : "users-") + rows;
        String prefix = name.replace('-', '_');
        log(String.format("%s: writing %,d users%s", name, rows, merge ? " and their directory entries" : ""));
        db.drop(rows);
        db.createUsers(rows);
        if (merge) {
            db.createDirectory(rows);
        }
        worker.rest().putConnectorConfig(name, connectorConfig(name, prefix, rows, merge));
        ObjectName metrics = metricsName(prefix);
        awaitPoll(name, metrics, 1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("case", name);
        result.put("rows", rows);
        result.put("initialPollMillis", attribute(metrics, "LastPollMillis"));
        result.put("initialEvents", attribute(metrics, "EventsPerOperation"));
        log(String.format("%s: initial poll (snapshot) in %,d ms", name, (Long) result.get("initialPollMillis")));

        db.changeUsers(rows);
        Properties plain = plainRead(name, rows, merge);
        result.put("plainReadMillis", Long.parseLong(plain.getProperty("millis")));
        result.put("plainReadCpuSeconds", Long.parseLong(plain.getProperty("cpuMillis")) / 1000.0);
        log(String.format("%s: plain read in %,d ms", name, (Long) result.get("plainReadMillis")));

        Path recording = workDir.resolve(name + ".jfr");
        Instant pollStart = Instant.now();
        try (FlightRecording flight = options.profile() ? worker.jmx().startRecording(name, recording) : null;
                WorkerJmx.Window window = worker.jmx().open()) {
            worker.rest().request("POST", "connectors/" + name + "/tasks/0/restart", null).requireSuccess();
            awaitPoll(name, metrics, 2);
            WorkerJmx.Figures heap = window.figures();
            if (flight != null) {
                Path file = flight.stop();
                profiles.put(name, JfrExecutionSamples.read(file, pollStart, Instant.now()).summary(file.toString(),
                        TOP_METHODS));
            }
            for (String figure : List.of("LastPollMillis", "LastFetchMergeMillis", "LastConstraintMillis",
                    "LastDiffEmitMillis", "LastStateWriteMillis", "EventsPerOperation", "FilteredPerType", "Conflicts")) {
                result.put(figure, attribute(metrics, figure));
            }
            result.put("peakHeapBytes", heap.peakHeapBytes());
            result.put("liveHeapBytes", heap.liveHeapBytes());
            result.put("workerCpuSeconds", heap.cpuSeconds());
        }
        result.put("stateTopicBytes", topics.sizeBytes(prefix + ".state"));
        long pollMillis = (Long) result.get("LastPollMillis");
        log(String.format("%s: poll in %,d ms (%.2f× the plain read), events %s, peak heap %,.0f MB, live heap %,.0f MB",
                name, pollMillis, pollMillis / (double) (Long) result.get("plainReadMillis"),
                result.get("EventsPerOperation"), (Long) result.get("peakHeapBytes") / MB,
                (Long) result.get("liveHeapBytes") / MB));
        worker.rest().deleteConnector(name);
        Wait.until("connector " + name + " to be deleted", Duration.ofSeconds(60),
                () -> !worker.rest().connectors().contains(name));
        db.drop(rows);
        return result;
    }

    /** Users read with their 8 columns; the merge case adds the directory's phone, only for users hr knows. */
    private Map<String, String> connectorConfig(String name, String prefix, long rows, boolean merge) {
        var server = db.server();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("topic.prefix", prefix);
        // polls only when the benchmark restarts the task: a due poll could otherwise start before the change
        config.put("poll.interval.ms", Long.toString(Duration.ofDays(1).toMillis()));
        config.put("state.kafka.bootstrap.servers", bootstrapServers);
        config.put("state.local.dir", workDir.resolve("state").toString()); // a directory per connector inside
        config.put("sources", merge ? "hr,dir" : "hr");
        config.put("types", "Users");
        config.put("types.Users.primary.key", "id");
        config.put("types.Users.sources", merge ? "hr,dir" : "hr");
        for (String source : merge ? List.of("hr", "dir") : List.of("hr")) {
            config.put("sources." + source + ".kind", "jdbc");
            config.put("sources." + source + ".jdbc.url", server.jdbcUrl(DiffPollDatabase.DATABASE));
            config.put("sources." + source + ".jdbc.user", server.superuser());
            config.put("sources." + source + ".jdbc.password", server.superuserPassword());
        }
        mapColumns(config, "hr", DiffPollDatabase.USER_COLUMNS, DiffPollDatabase.usersTable(rows));
        if (merge) {
            mapColumns(config, "dir", DiffPollDatabase.DIRECTORY_COLUMNS, DiffPollDatabase.directoryTable(rows));
            config.put("types.Users.sources.dir.key.merge.constraint", "must_already_exist");
            config.put("types.Users.integrity.constraint", "{{ _SELF.phone is defined }}");
        }
        return config;
    }

    private static void mapColumns(Map<String, String> config, String source, String columns, String table) {
        config.put("types.Users.sources." + source + ".query", "SELECT " + columns + " FROM " + table);
        for (String column : columns.split(", ")) {
            config.put("types.Users.sources." + source + ".attrs." + column, column);
        }
    }

    /** The plain read of the same queries as the connector's, in a JVM of its own with the worker's heap. */
    private Properties plainRead(String name, long rows, boolean merge) throws IOException {
        var server = db.server();
        Path resultFile = workDir.resolve(name + "-plain-read.properties");
        List<String> arguments = new ArrayList<>(List.of(server.jdbcUrl(DiffPollDatabase.DATABASE), server.superuser(),
                server.superuserPassword(), Integer.toString(FETCH_SIZE), resultFile.toString(),
                "SELECT " + DiffPollDatabase.USER_COLUMNS + " FROM " + DiffPollDatabase.usersTable(rows)));
        if (merge) {
            arguments.add("SELECT " + DiffPollDatabase.DIRECTORY_COLUMNS + " FROM " + DiffPollDatabase.directoryTable(rows));
        }
        JavaProcess.run("plain read of " + name, System.getProperty("java.class.path"),
                List.of("-Xms" + options.workerHeap(), "-Xmx" + options.workerHeap(), "-XX:+UseG1GC"),
                PlainJdbcRead.class.getName(), arguments, workDir.resolve(name + "-plain-read.log"),
                PLAIN_READ_TIMEOUT_SECONDS);
        Properties result = new Properties();
        try (InputStream in = Files.newInputStream(resultFile)) {
            result.load(in);
        }
        return result;
    }

    /** Waits until poll {@code poll} completed; fails at once when a poll failed or the task died. */
    private void awaitPoll(String name, ObjectName metrics, long poll) {
        PollProgress progress = Wait.until("poll " + poll + " of " + name, POLL_TIMEOUT, () -> {
            worker.requireAlive();
            Object error = attribute(metrics, "LastError");
            Object last = attribute(metrics, "LastPoll");
            return new PollProgress(last == null ? 0 : (Long) last, error == null ? "" : error.toString(),
                    worker.rest().status(name).path("tasks").path(0));
        }, seen -> seen.lastPoll() >= poll || seen.failed());
        if (progress.failed()) {
            throw new IllegalStateException(name + " failed (task " + progress.task().path("state").asText() + "): "
                    + progress.error() + "\n" + progress.task().path("trace").asText());
        }
    }

    /** What the connector's MBean and Connect's status say while a poll runs. */
    private record PollProgress(long lastPoll, String error, JsonNode task) {
        boolean failed() {
            return !error.isEmpty() || "FAILED".equals(task.path("state").asText());
        }
    }

    private Object attribute(ObjectName metrics, String attribute) {
        Object value = worker.jmx().attribute(metrics, attribute);
        return value instanceof TabularData table ? tabularToMap(table) : value;
    }

    /** An MXBean's map attribute arrives as a table of key/value rows. */
    private static Map<String, Object> tabularToMap(TabularData table) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Object row : table.values()) {
            var data = (CompositeData) row;
            map.put(String.valueOf(data.get("key")), data.get("value"));
        }
        return map;
    }

    private static ObjectName metricsName(String prefix) {
        try {
            return ObjectName.getInstance("io.hermesconnect:type=polling-diff-source,name=" + ObjectName.quote(prefix));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void print(List<Map<String, Object>> results) {
        TextTable table = new TextTable(COLUMNS);
        for (Map<String, Object> result : results) {
            if (result.containsKey("error")) {
                Object[] cells = new Object[COLUMNS.length];
                cells[0] = result.get("case");
                cells[1] = String.format("%,d", (Long) result.get("rows"));
                cells[2] = "FAILED, see the log";
                table.row(cells);
                continue;
            }
            long poll = (Long) result.get("LastPollMillis");
            long plain = (Long) result.get("plainReadMillis");
            table.row((String) result.get("case"),
                    String.format("%,d", (Long) result.get("rows")),
                    seconds(result.get("initialPollMillis")),
                    seconds(poll),
                    seconds(result.get("LastFetchMergeMillis")),
                    seconds(result.get("LastConstraintMillis")),
                    seconds(result.get("LastDiffEmitMillis")),
                    seconds(result.get("LastStateWriteMillis")),
                    seconds(plain),
                    TextTable.number(poll / (double) plain, 2),
                    TextTable.number((Double) result.get("workerCpuSeconds"), 1),
                    TextTable.number((Double) result.get("plainReadCpuSeconds"), 1),
                    String.valueOf(result.get("EventsPerOperation")),
                    TextTable.number((Long) result.get("peakHeapBytes") / MB, 0),
                    TextTable.number((Long) result.get("liveHeapBytes") / MB, 0),
                    TextTable.number((Long) result.get("stateTopicBytes") / MB, 1));
        }
        System.out.println();
        System.out.print(table.markdown());
    }

    private static String seconds(Object millis) {
        return TextTable.number((Long) millis / 1000.0, 2);
    }

    private static void log(String message) {
        System.out.println("[diff-poll-bench] " + message);
    }
}
