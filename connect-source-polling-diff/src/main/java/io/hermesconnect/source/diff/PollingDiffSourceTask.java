package io.hermesconnect.source.diff;

import io.hermesconnect.common.Version;
import io.hermesconnect.source.diff.config.PollPlan;
import io.hermesconnect.source.diff.config.PollingDiffConfig;
import io.hermesconnect.source.diff.config.SnapshotMode;
import io.hermesconnect.source.diff.event.DiffRecords;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.model.PollAbortedException;
import io.hermesconnect.source.diff.poll.InFlightPoll;
import io.hermesconnect.source.diff.poll.PollEmission.EmitMode;
import io.hermesconnect.source.diff.poll.PollPreparation;
import io.hermesconnect.source.diff.report.PollReport;
import io.hermesconnect.source.diff.report.PollingDiffMetrics;
import io.hermesconnect.source.diff.spill.PollSpill;
import io.hermesconnect.source.diff.state.SecretHasher;
import io.hermesconnect.source.diff.store.StateStore;
import io.hermesconnect.source.diff.store.StateStoreSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the polls of one connector: every {@code poll.interval.ms}, fetch, merge, constrain and diff (all or nothing),
 * hand the events to Connect batch by batch, and once Connect acknowledged every one of them, write the poll's state
 * and run the write-back statements. A poll that fails emits nothing, is reported (log, JMX) and is retried at the
 * next interval; the task keeps running.
 */
public final class PollingDiffSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(PollingDiffSourceTask.class);

    /** Records handed to Connect per {@link #poll()} call. */
    private static final int MAX_BATCH = 2048;
    /** How long one {@link #poll()} call waits (for the next poll or for acknowledgements) before returning. */
    private static final Duration MAX_WAIT = Duration.ofMillis(500);
    /** How long the state store may wait for Kafka (topic set-up, a commit's acknowledgements, a stalled restore). */
    private static final Duration STATE_KAFKA_TIMEOUT = Duration.ofMinutes(2);

    private final Object wake = new Object();
    private volatile boolean stopping;
    private PollingDiffConfig config;
    private PollPlan plan;
    private StateStore store;
    private PollingDiffMetrics metrics;
    private PollPreparation preparation;
    private volatile InFlightPoll inFlight;
    private Instant nextPollAt = Instant.EPOCH;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new PollingDiffConfig(props);
        plan = config.plan();
        StateStoreSettings stateSettings = stateSettings(config, props.getOrDefault("name", config.topicPrefix()));
        store = StateStore.open(stateSettings);
        // a poll's spill holds secrets in clear: one a crash left must not wait for the next poll to be deleted (once
        // the store is open, no other task uses the directory)
        PollSpill.deleteLeftover(stateSettings.directory());
        OutputTopics.ensure(config, plan.types());
        metrics = new PollingDiffMetrics().register(config.topicPrefix());
        preparation = new PollPreparation(config.topicPrefix(), config.topicRouting(), config.tombstonesOnDelete(),
                config.removedTypes(), plan,
                new SourceFetchers(), store, secretHasher(config), stateSettings.directory());
        LOG.info("Polling-diff source '{}' started: types {}, last completed poll {}, polling every {} ms",
                config.topicPrefix(), plan.types().stream().map(t -> t.name()).toList(), store.lastPoll(),
                config.pollInterval().toMillis());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (inFlight == null && !startPollWhenDue()) {
            return null;
        }
        List<SourceRecord> batch = inFlight.emission().nextBatch(MAX_BATCH);
        if (!batch.isEmpty()) {
            return batch;
        }
        awaitAcknowledgements();
        if (inFlight.emission().complete()) {
            finishPoll();
        }
        return null;
    }

    /** Starts a poll once it is due: true when one is in flight now. */
    private boolean startPollWhenDue() throws InterruptedException {
        Instant now = Instant.now();
        if (now.isBefore(nextPollAt)) {
            synchronized (wake) {
                if (!stopping) {
                    wake.wait(Math.max(1, Math.min(MAX_WAIT.toMillis(), Duration.between(now, nextPollAt).toMillis())));
                }
            }
            return false;
        }
        long poll = store.lastPoll() + 1;
        boolean first = store.lastPoll() == 0;
        EmitMode mode = !first ? EmitMode.CHANGES
                : config.snapshotMode() == SnapshotMode.INITIAL ? EmitMode.SNAPSHOT : EmitMode.STATE_ONLY;
        try {
            inFlight = preparation.prepare(poll, mode);
            return true;
        } catch (FetchException | PollAbortedException e) {
            String reason = "Poll " + poll + " emitted nothing and will be retried in " + config.pollInterval().toMillis()
                    + " ms: " + e.getMessage();
            LOG.error(reason, e);
            metrics.failed(reason);
            nextPollAt = now.plus(config.pollInterval());
            return false;
        }
    }

    private void awaitAcknowledgements() throws InterruptedException {
        synchronized (wake) {
            if (!inFlight.emission().complete() && !stopping) {
                wake.wait(MAX_WAIT.toMillis());
            }
        }
    }

    /** Every event was acknowledged: write the state, run the write-back, report. */
    private void finishPoll() {
        InFlightPoll done = inFlight;
        PollReport report = done.commit();
        inFlight = null;
        nextPollAt = done.startedAt().plus(config.pollInterval());
        LOG.info(report.logLine());
        metrics.completed(report);
        done.writeBack(plan, metrics);
    }

    /** The state store of connector {@code name}: its local copy in a directory of its own, its topic, its clients. */
    private static StateStoreSettings stateSettings(PollingDiffConfig config, String name) {
        String base = config.stateLocalDir() != null ? config.stateLocalDir()
                : Path.of(System.getProperty("java.io.tmpdir"), "hermes-connect-state").toString();
        return new StateStoreSettings(Path.of(base, name), config.stateTopic(), config.stateTopicReplicationFactor(),
                config.stateKafkaSettings(), name + "-state", STATE_KAFKA_TIMEOUT);
    }

    /** Hashes secrets with {@code state.secret.key}; a config without it has no secret attribute to hash. */
    private static SecretHasher secretHasher(PollingDiffConfig config) {
        if (config.stateSecretKey() != null) {
            return new SecretHasher(config.stateSecretKey().value().getBytes(StandardCharsets.UTF_8));
        }
        byte[] unusedKey = new byte[32];
        new SecureRandom().nextBytes(unusedKey);
        return new SecretHasher(unusedKey);
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        InFlightPoll current = inFlight;
        if (current != null) {
            current.emission().acknowledged();
            synchronized (wake) {
                wake.notifyAll();
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        InFlightPoll current = inFlight;
        if (current != null) {
            current.abandon();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
