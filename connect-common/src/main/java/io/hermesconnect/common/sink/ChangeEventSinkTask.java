package io.hermesconnect.common.sink;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every sink task: a connector's task implements {@link #openTarget} and {@link #version}, the core
 * does the rest (DESIGN.md section 7). {@link #put} reads the batch's records into {@link SinkEvent}s and applies them
 * through the {@link ErrorQueue}, which hands the target runs of events that may go together
 * ({@link SinkTarget#applyAll}) and parks what the target refuses in a {@link ParkedEventStore}; the store is
 * flushed before {@link #preCommit} lets Connect commit the offsets of the records that carried parked events.
 * From {@code put()} too, on the task's thread: retries of the parked objects every
 * {@code errors.queue.retry.interval.ms}, expiry to the errant record reporter, purges of the trash every
 * {@code trashbin.purge.interval.ms}, and the requests operators make through the task's {@link SinkTaskMXBean}.
 *
 * <p>A {@link TargetUnavailableException} parks nothing: the task asks Connect for a backoff
 * ({@code context.timeout}, doubling up to 30 s) and rethrows it, and Connect delivers the batch again; records
 * the queue already applied or parked are skipped ({@link AppliedOffsets}). A record that is no change event (a
 * transaction marker) is skipped; one that cannot be read goes to the errant record reporter, and fails the task when Connect
 * gives it none (no dead-letter queue, as with {@code errors.tolerance=none}).
 */
public abstract class ChangeEventSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeEventSinkTask.class);
    /** How long handing a record to the errant record reporter may take. */
    private static final Duration REPORT_TIMEOUT = Duration.ofMinutes(1);
    private static final String DROPPED_REASON = "dropped by an operator";

    private final Clock clock;
    private final Function<SinkCoreConfig, ParkedEventStore> stores;
    private final AppliedOffsets appliedOffsets = new AppliedOffsets();
    private final TargetBackoff backoff = new TargetBackoff();
    private SinkCoreConfig config;
    private SinkTarget target;
    private ParkedEventStore store;
    private ErrorQueue queue;
    private TrashPurge purge;
    private SinkTaskStatus status;
    private String taskName;
    private long nextRetryMs;
    private long nextPurgeMs;
    private ConnectException storeFailure;

    /** A task whose parked events live in the topic {@code errors.queue.topic} names ({@link KafkaParkedEventStore}). */
    protected ChangeEventSinkTask() {
        this(Clock.systemUTC(), KafkaParkedEventStore::open);
    }

    /** Visible for testing: a task with its clock and its store. */
    ChangeEventSinkTask(Clock clock, Function<SinkCoreConfig, ParkedEventStore> stores) {
        this.clock = clock;
        this.stores = stores;
    }

    /**
     * Opens the connector's target from the task's settings; the task closes it when it stops. Return a
     * {@link TrashbinTarget} when the target has a trash ({@code trashbin.retention.ms} needs one).
     *
     * @throws ConnectException naming the key at fault when the target cannot be opened
     */
    protected abstract SinkTarget openTarget(Map<String, String> props);

    @Override
    public final void start(Map<String, String> props) {
        config = new SinkCoreConfig(props);
        String connector = config.connectorLabel();
        taskName = connector + "-" + config.taskId();
        target = openTarget(props);
        try {
            TrashbinTarget trashbin = trashbinOf(target);
            status = new SinkTaskStatus(taskName, clock).register(connector, config.taskId());
            store = stores.apply(config);
            queue = new ErrorQueue(new TaskTarget(target, trashbin != null, status), store, config.foreignKeyPolicy(),
                    config.remediation(), config.maxAge(), this::expired, clock);
            purge = trashbin == null ? null : new TrashPurge(trashbin, config.trashbinRetention(), clock);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        nextRetryMs = clock.millis() + config.retryInterval().toMillis();
        nextPurgeMs = clock.millis() + config.trashbinPurgeInterval().toMillis();
        if (!config.maxAge().isZero() && reporter().isEmpty()) {
            LOG.warn("Sink task {}: {} is set, but Connect gives the task no errant record reporter (set errors.tolerance=all "
                    + "and errors.deadletterqueue.topic.name): parked events never expire", taskName,
                    SinkCoreConfig.ERRORS_QUEUE_MAX_AGE_MS);
        }
    }

    /** The target when removals go to its trash, or null when they remove. */
    private TrashbinTarget trashbinOf(SinkTarget target) {
        if (config.trashbinRetention().isZero()) {
            return null;
        }
        if (!(target instanceof TrashbinTarget trashbin)) {
            throw new ConnectException(SinkCoreConfig.TRASHBIN_RETENTION_MS + " must be 0: this connector's target has "
                    + "no trash");
        }
        return trashbin;
    }

    @Override
    public final void open(Collection<TopicPartition> partitions) {
        target.open(partitions);
        int taken = queue.open(partitions);
        if (taken > 0) {
            LOG.info("Sink task {} took over {} parked object(s) of partitions {}", taskName, taken, partitions);
        }
        status.refresh(queue, clock.millis());
    }

    @Override
    public final void close(Collection<TopicPartition> partitions) {
        target.close(partitions);
        queue.close(partitions);
        appliedOffsets.forget(partitions);
        status.refresh(queue, clock.millis());
    }

    @Override
    public final void put(Collection<SinkRecord> records) {
        if (storeFailure != null) {
            throw new ConnectException("Sink task " + taskName + " could not make parked events durable; restart it",
                    storeFailure);
        }
        try {
            status.runRequests(new OperatorActions());
            applyNew(records);
            runDueWork();
            wakeForDueWork();
            backoff.succeeded();
            status.targetAnswered(clock.millis());
        } catch (TargetUnavailableException e) {
            context.timeout(backoff.failed().toMillis());
            status.waitingForTarget(clock.millis(), e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            throw e;
        } finally {
            status.refresh(queue, clock.millis());
        }
    }

    /**
     * Hands the events of the records not handled yet to the queue, and records which it handled: when the target
     * goes down, the others are delivered again.
     */
    private void applyNew(Collection<SinkRecord> records) {
        Set<SinkRecord> handled = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SinkEvent> events = new ArrayList<>(records.size());
        try {
            for (SinkRecord record : records) {
                if (appliedOffsets.isNew(record)) {
                    Optional<SinkEvent> event = read(record);
                    if (event.isPresent()) {
                        events.add(event.get());
                    } else {
                        handled.add(record);
                    }
                }
            }
            queue.applyAll(events, event -> handled.add((SinkRecord) event.record()));
        } finally {
            appliedOffsets.handled(records, handled);
        }
    }

    /** The record's event; empty when it carries none (a marker), or cannot be read and went to the reporter. */
    private Optional<SinkEvent> read(SinkRecord record) {
        try {
            return SinkEventReader.read(record);
        } catch (DataException e) {
            status.unreadable();
            report(record, e);
            return Optional.empty();
        }
    }

    /** The periodic work that is due: retry and expiry of the parked objects, purge of the trash. */
    private void runDueWork() {
        long now = clock.millis();
        if (now >= nextRetryMs) {
            retryParked();
            if (reporter().isPresent()) {
                queue.expire();
            }
            nextRetryMs = now + config.retryInterval().toMillis();
        }
        if (purge != null && now >= nextPurgeMs) {
            status.purged(purge.purge(queue));
            nextPurgeMs = now + config.trashbinPurgeInterval().toMillis();
        }
    }

    /**
     * Connect calls {@code put()} when records arrive, and on an idle topic only when an offset commit is due
     * ({@code offset.flush.interval.ms}, a minute by default). With objects parked or a trash to purge, the task asks
     * Connect to call it again when that work is due ({@code context.timeout} shortens Connect's next wait for records),
     * so that retries and purges keep their intervals on an idle topic.
     */
    private void wakeForDueWork() {
        long dueMs = Long.MAX_VALUE;
        if (!queue.parkedObjects().isEmpty()) {
            dueMs = nextRetryMs;
        }
        if (purge != null) {
            dueMs = Math.min(dueMs, nextPurgeMs);
        }
        if (dueMs != Long.MAX_VALUE) {
            context.timeout(Math.max(1, dueMs - clock.millis()));
        }
    }

    private int retryParked() {
        status.retried();
        return queue.retry();
    }

    private void expired(ParkedEvent parked, String reason) {
        reportAll(parked, reason);
        status.expired();
    }

    /** Hands each record of a parked event to the errant record reporter and waits until it took it. */
    private void reportAll(ParkedEvent parked, String reason) {
        for (ConnectRecord<?> record : parked.records()) {
            report((SinkRecord) record, new ConnectException(reason));
        }
    }

    /**
     * Hands a record to Connect's errant record reporter and waits until it took it.
     *
     * @throws ConnectException when Connect gives the task no reporter: the task fails, as Connect's own
     *                          {@code errors.tolerance=none} does
     */
    private void report(SinkRecord record, Exception error) {
        ErrantRecordReporter reporter = reporter().orElseThrow(() -> new ConnectException("Record " + position(record)
                + " cannot be handled (" + error.getMessage() + ") and Connect gives the task no errant record reporter: "
                + "set errors.tolerance=all and errors.deadletterqueue.topic.name", error));
        try {
            reporter.report(record, error).get(REPORT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Could not hand record " + position(record) + " to the errant record reporter", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while handing a record to the errant record reporter", e);
        }
    }

    /** Where a record is, as {@code topic-partition@offset}: how messages name it, since its data may be secret. */
    private static String position(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }

    private Optional<ErrantRecordReporter> reporter() {
        return Optional.ofNullable(context.errantRecordReporter());
    }

    /**
     * Returns Connect's offsets once every parked event is durable in the store. When the store cannot make them
     * durable, no offset is committed and the task fails at its next {@code put()}: Connect would otherwise only
     * rewind, and a restarted task reads the store and the records again from what is committed.
     */
    @Override
    public final Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            store.flush();
        } catch (ConnectException e) {
            storeFailure = e;
            throw e;
        }
        return currentOffsets;
    }

    @Override
    public final void stop() {
        try (SinkTarget closingTarget = target; ParkedEventStore closingStore = store; SinkTaskStatus closingStatus = status) {
            LOG.info("Sink task {} stopped", taskName);
        }
    }

    /** The task's status, as its JMX bean shows it. Visible for testing. */
    SinkTaskMXBean status() {
        return status;
    }

    /** The operator requests, run on the task's thread. */
    private final class OperatorActions implements SinkTaskStatus.OperatorActions {

        @Override
        public String retryNow() {
            int applied = retryParked();
            return "Retried the parked objects: " + applied + " event(s) applied, " + queue.parkedObjects().size()
                    + " object(s) still parked";
        }

        @Override
        public String drop(String position) {
            Optional<ObjectKey> object = queue.findByPosition(position);
            if (object.isEmpty()) {
                return "No parked object of this task was parked by the record at " + position;
            }
            List<ParkedEvent> events = queue.parkedEvents(object.get());
            if (reporter().isPresent()) {
                events.forEach(parked -> reportAll(parked, DROPPED_REASON));
            } else {
                LOG.warn("Sink task {}: an operator dropped {} parked event(s) of {} parked by the record at {}; Connect "
                        + "gives the task no errant record reporter, so they are gone", taskName, events.size(),
                        object.get(), position);
            }
            queue.drop(object.get());
            status.dropped(events.size());
            return "Dropped " + events.size() + " parked event(s) of " + object.get();
        }
    }
}
