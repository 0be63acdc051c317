package io.hermesconnect.bench.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hermesconnect.bench.CommandLine;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.report.TextTable;
import io.hermesconnect.bench.stack.KafkaBroker;
import io.hermesconnect.bench.stack.KafkaRuntime;
import io.hermesconnect.common.sink.EventOutcome;
import io.hermesconnect.common.sink.SinkEventReader;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TargetCall;
import io.hermesconnect.sink.http.RequestDispatcher;
import io.hermesconnect.sink.http.TrashLedger;
import io.hermesconnect.sink.http.TrashStore;
import io.hermesconnect.sink.http.WebServiceSinkTask;
import io.hermesconnect.sink.http.WebServiceTarget;
import io.hermesconnect.sink.http.config.WebServiceSinkConfig;
import io.hermesconnect.sink.http.metrics.WebServiceSinkMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The HTTP sink benchmark (issue 17): events/s of creates to a local service answering in 1 ms and 20 ms, at 1 and
 * 16 requests in flight, for the sink task as a worker drives it (max.in.flight.requests set to the run's
 * concurrency), the request dispatcher under it, and a plain JDK
 * HttpClient sending the same requests. All three run in this JVM against one {@link DelayedHttpServer}: what is
 * compared is the sink's own work and its concurrency, not Kafka's consumer (which feeds a real worker's task far
 * faster than any of these rates). The task's parked-event store needs a broker: one runs beside, idle.
 * Run it with bench/http-sink-bench.sh.
 */
public final class HttpSinkBench {

    /** Records per put(), Connect's default {@code consumer.max.poll.records}. */
    static final int BATCH = 500;
    private static final String CONNECTOR = "http-sink-bench";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TopicPartition PARTITION = new TopicPartition(UserRecords.TOPIC, 0);

    private final HttpSinkBenchOptions options;
    private final DelayedHttpServer server;
    /** A sink task per concurrency, with max.in.flight.requests set to it. */
    private final Map<Integer, WebServiceSinkTask> tasks = new HashMap<>();
    private final WebServiceTarget target;
    private final HttpClient plainClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int nextUser;

    private HttpSinkBench(HttpSinkBenchOptions options, DelayedHttpServer server, String bootstrapServers) {
        this.options = options;
        this.server = server;
        for (int concurrency : options.concurrencies()) {
            Map<String, String> props = sinkConfig(server.baseUri(), bootstrapServers, concurrency);
            WebServiceSinkTask task = new WebServiceSinkTask();
            task.initialize(new BenchSinkTaskContext(props, Set.of(PARTITION)));
            task.start(props);
            task.open(Set.of(PARTITION));
            tasks.put(concurrency, task);
        }
        target = WebServiceTarget.open(new WebServiceSinkConfig(sinkConfig(server.baseUri(), bootstrapServers, 1)),
                new WebServiceSinkMetrics(), new TrashLedger(TrashStore.NONE));
    }

    public static void main(String[] args) throws IOException {
        Optional<HttpSinkBenchOptions> parsed = CommandLine.parseOrExit(args, HttpSinkBenchOptions.USAGE, HttpSinkBenchOptions::parse);
        if (parsed.isEmpty()) {
            return;
        }
        HttpSinkBenchOptions options = parsed.get();
        Machine machine = Machine.describe();
        log("machine: " + machine.summary());
        Path workDir = options.workDir().toAbsolutePath();
        KafkaRuntime runtime = KafkaRuntime.prepareFresh(options.kafkaClasspath(), workDir);
        List<HttpRun> runs;
        try (KafkaBroker broker = KafkaBroker.start(runtime, workDir.resolve("kafka"));
                DelayedHttpServer server = DelayedHttpServer.start()) {
            HttpSinkBench bench = new HttpSinkBench(options, server, broker.bootstrapServers());
            try {
                runs = bench.runAll();
            } finally {
                bench.tasks.values().forEach(WebServiceSinkTask::stop);
                bench.target.close();
            }
        }
        TextTable table = HttpRun.table(runs);
        System.out.println();
        System.out.print(table);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", machine);
        document.put("options", Map.of("events", options.events(), "warmupEvents", options.warmupEvents(), "batch", BATCH));
        document.put("runs", runs);
        document.put("loadAtEnd", Machine.load());
        Files.createDirectories(options.output().toAbsolutePath().getParent());
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.output().toFile(), document);
        Files.writeString(options.output().resolveSibling("http-sink-bench.md"), table.markdown());
        log("results written to " + options.output());
        System.exit(0); // the JDK HTTP clients' selector threads would keep the JVM up a while
    }

    private List<HttpRun> runAll() {
        int fastest = options.delaysMs().stream().min(Integer::compare).orElseThrow();
        int widest = options.concurrencies().stream().max(Integer::compare).orElseThrow();
        server.delayMs(fastest);
        log(String.format("warm-up: %,d events per side at %d ms, %d in flight", options.warmupEvents(), fastest, widest));
        for (HttpSide side : HttpSide.values()) {
            send(side, options.warmupEvents(), widest);
        }
        List<HttpRun> runs = new ArrayList<>();
        for (int delay : options.delaysMs()) {
            server.delayMs(delay);
            for (int concurrency : options.concurrencies()) {
                runs.add(measure(HttpSide.CONNECTOR, delay, concurrency));
                runs.add(measure(HttpSide.DISPATCHER, delay, concurrency));
                runs.add(measure(HttpSide.PLAIN, delay, concurrency));
            }
        }
        return HttpRun.withRatios(runs);
    }

    private HttpRun measure(HttpSide side, int delay, int concurrency) {
        long answeredBefore = server.answered();
        long start = System.nanoTime();
        send(side, options.events(), concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        long answered = server.answered() - answeredBefore;
        if (answered != options.events()) {
            throw new IllegalStateException(side.id() + " sent " + answered + " requests for " + options.events() + " events");
        }
        HttpRun run = new HttpRun(delay, concurrency, side.id(), options.events(), seconds, options.events() / seconds, null,
                Machine.load());
        log(String.format("%d ms, %d in flight, %s: %,.0f events/s (load %s)", delay, concurrency, side.id(),
                run.eventsPerSecond(), run.load()));
        return run;
    }

    /** Sends {@code count} creates of new users through {@code side}. */
    private void send(HttpSide side, int count, int concurrency) {
        List<SinkRecord> records = UserRecords.creates(nextUser, count);
        nextUser += count;
        for (int from = 0; from < count; from += BATCH) {
            List<SinkRecord> batch = records.subList(from, Math.min(count, from + BATCH));
            switch (side) {
                case CONNECTOR -> tasks.get(concurrency).put(batch);
                case DISPATCHER -> dispatch(batch, concurrency);
                case PLAIN -> sendPlain(batch, concurrency);
            }
        }
    }

    private void dispatch(List<SinkRecord> batch, int concurrency) {
        List<TargetCall> calls = batch.stream()
                .map(record -> new TargetCall(SinkEventReader.read(record).orElseThrow(), new StepProgress())).toList();
        for (EventOutcome outcome : new RequestDispatcher(target, concurrency, 1).dispatch(calls)) {
            if (outcome.status() != EventOutcome.Status.DONE) {
                throw new IllegalStateException("the dispatcher did not send an event: " + outcome.status());
            }
        }
    }

    /** The requests the sink sends for these creates (PUT of the row as JSON), with {@code concurrency} in flight. */
    private void sendPlain(List<SinkRecord> batch, int concurrency) {
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failures = new AtomicInteger();
        for (SinkRecord record : batch) {
            int index = (int) record.kafkaOffset();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", UserRecords.id(index));
            row.put("name", UserRecords.name(index));
            row.put("email", UserRecords.email(index));
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(server.baseUri().resolve("/api/users/" + UserRecords.id(index)))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(row))).build();
            } catch (IOException e) {
                throw new IllegalStateException("could not write a row as JSON", e);
            }
            slots.acquireUninterruptibly();
            plainClient.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() / 100 != 2) {
                    failures.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquireUninterruptibly(concurrency);
        if (failures.get() > 0) {
            throw new IllegalStateException("the plain client had " + failures.get() + " failed requests");
        }
    }

    private static Map<String, String> sinkConfig(URI server, String bootstrapServers, int concurrency) {
        Map<String, String> props = new HashMap<>();
        props.put("name", CONNECTOR + "-" + concurrency);
        props.put("max.in.flight.requests", Integer.toString(concurrency));
        props.put("topics", UserRecords.TOPIC);
        props.put("base.url", server.resolve("/api").toString());
        props.put("kinds", "users");
        props.put("kinds.users.sources", UserRecords.KIND);
        props.put("kinds.users.url", "/users/{{ key.id }}");
        props.put("errors.queue.kafka.bootstrap.servers", bootstrapServers);
        return props;
    }

    private static void log(String message) {
        System.out.println("[http-sink-bench] " + message);
    }
}
