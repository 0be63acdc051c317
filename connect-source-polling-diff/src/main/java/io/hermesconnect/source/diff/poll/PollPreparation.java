package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.config.FetcherFactory;
import io.hermesconnect.source.diff.config.PollPlan;
import io.hermesconnect.source.diff.config.RemovedTypes;
import io.hermesconnect.source.diff.config.SourceSettings;
import io.hermesconnect.source.diff.config.TypePlan;
import io.hermesconnect.source.diff.diff.Change;
import io.hermesconnect.source.diff.diff.EmitOrder;
import io.hermesconnect.source.diff.diff.SnapshotDiff;
import io.hermesconnect.source.diff.diff.SnapshotRemovals;
import io.hermesconnect.source.diff.event.DiffRecords;
import io.hermesconnect.source.diff.event.TopicRouting;
import io.hermesconnect.source.diff.event.TypeSchema;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import io.hermesconnect.source.diff.merge.Inconsistency;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.poll.PollEmission.EmitMode;
import io.hermesconnect.source.diff.state.SecretHasher;
import io.hermesconnect.source.diff.state.StateProjection;
import io.hermesconnect.source.diff.store.PollStateWriter;
import io.hermesconnect.source.diff.store.StateStore;
import io.hermesconnect.source.diff.spill.PollSpill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 1 to 4 of a poll: opens every source, fetches and merges each type, applies the integrity constraints, and
 * sets up the diff against the stored state in emit order, ready to be handed over. All or nothing: a failure throws
 * before anything is emitted, and the sources are closed whatever happens. The poll's objects are spilled to a
 * {@link PollSpill} that the returned poll owns; a failure deletes it.
 */
public final class PollPreparation {

    private static final Logger LOG = LoggerFactory.getLogger(PollPreparation.class);

    private final String topicPrefix;
    private final TopicRouting routing;
    private final boolean tombstones;
    private final RemovedTypes removedTypes;
    private final PollPlan plan;
    private final FetcherFactory fetchers;
    private final StateStore store;
    private final SecretHasher hasher;
    private final Path spillDirectory;

    /** @param spillDirectory the task's local state directory, where each poll spills its objects */
    public PollPreparation(String topicPrefix, TopicRouting routing, boolean tombstones, RemovedTypes removedTypes,
                           PollPlan plan, FetcherFactory fetchers, StateStore store, SecretHasher hasher,
                           Path spillDirectory) {
        this.removedTypes = removedTypes;
        this.topicPrefix = topicPrefix;
        this.routing = routing;
        this.tombstones = tombstones;
        this.plan = plan;
        this.fetchers = fetchers;
        this.store = store;
        this.hasher = hasher;
        this.spillDirectory = spillDirectory;
    }

    /**
     * Prepares poll {@code poll}.
     *
     * @throws FetchException when a source fails
     * @throws io.hermesconnect.source.diff.model.PollAbortedException when a template, mapping or value fails
     */
    public InFlightPoll prepare(long poll, EmitMode mode) throws FetchException {
        PollSpill spill = PollSpill.open(spillDirectory);
        try {
            return prepare(poll, mode, spill);
        } catch (RuntimeException | FetchException e) {
            spill.close();
            throw e;
        }
    }

    private InFlightPoll prepare(long poll, EmitMode mode, PollSpill spill) throws FetchException {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        PollFetch.Result fetched;
        Map<String, SourceFetcher> open = new LinkedHashMap<>();
        try {
            for (SourceSettings source : plan.sources().values()) {
                open.put(source.name(), fetchers.open(source));
            }
            fetched = new PollFetch(topicPrefix, hasher, open, store::lastEmitted, spill).run(plan.types());
        } finally {
            open.values().forEach(SourceFetcher::close);
        }
        Duration fetchAndMerge = Duration.ofNanos(System.nanoTime() - start);
        long constrainStart = System.nanoTime();
        PollSnapshot snapshot = new PollSnapshotBuilder(plan.integrityConstraints()).build(fetched.merged(), spill);
        Duration constrain = Duration.ofNanos(System.nanoTime() - constrainStart);
        report(poll, snapshot);

        PollStateWriter state = store.begin();
        ModelChanges modelChanges = new ModelChanges(topicPrefix, plan, fetched.schemas(), removedTypes, store, state);
        List<ObjectType> types = plan.types().stream().map(TypePlan::type).toList();
        List<Iterator<Change>> parts = new ArrayList<>(modelChanges.removals());
        parts.add(new EmitOrder(types,
                type -> new SnapshotDiff(new StateProjection(type, hasher), snapshot.sorted(type.name()),
                        modelChanges.isRekeyed(type.name()) ? Collections.emptyIterator() : store.encodedObjects(type.name())),
                type -> modelChanges.isRekeyed(type.name()) ? Collections.emptyIterator()
                        : new SnapshotRemovals(type, snapshot.objects().get(type.name()).keys(), store.keys(type.name()),
                                key -> store.find(type.name(), key).orElseThrow())));
        Iterator<Change> changes = new ConcatenatedIterator<>(parts);
        List<TypeSchema> schemas = new ArrayList<>(modelChanges.removalSchemas());
        schemas.addAll(fetched.schemas().values());
        DiffRecords records = new DiffRecords(topicPrefix, routing, tombstones, schemas);
        WriteBack writeBack = new WriteBack(plan);
        PollEmission emission = new PollEmission(poll, changes, records, change -> {
            if (change.state() == null) {
                state.remove(change.type().name(), change.key());
            } else {
                state.put(change.type().name(), change.state());
            }
            writeBack.collect(change);
        }, startedAt, mode);
        return new InFlightPoll(emission, state, writeBack, snapshot, spill, startedAt, fetchAndMerge, constrain);
    }

    private static void report(long poll, PollSnapshot snapshot) {
        for (Inconsistency inconsistency : snapshot.inconsistencies()) {
            LOG.warn("Poll {}: {} in type '{}' on {} (key {}): {}", poll,
                    inconsistency.kind() == Inconsistency.Kind.MERGE_CONFLICT ? "merge conflict" : "duplicate key",
                    inconsistency.type(), inconsistency.description(), inconsistency.key(), switch (inconsistency.resolution()) {
                        case KEPT_LAST_STATE -> "it keeps its last emitted state until the sources agree";
                        case DROPPED -> "it was never emitted and is left out until the sources agree";
                        case FIRST_VALUE -> "the first source's value is taken";
                    });
        }
        if (snapshot.inconsistencyCount() > snapshot.inconsistencies().size()) {
            LOG.warn("Poll {}: {} more merge conflicts and duplicate keys, not logged one by one", poll,
                    snapshot.inconsistencyCount() - snapshot.inconsistencies().size());
        }
        snapshot.mergeFiltered().forEach((type, count) -> {
            if (count > 0) {
                LOG.info("Poll {}: {} objects of type '{}' left out by merge constraints", poll, count, type);
            }
        });
        snapshot.integrityFiltered().forEach((type, count) -> {
            if (count > 0) {
                LOG.info("Poll {}: {} objects of type '{}' left out by integrity constraints", poll, count, type);
            }
        });
    }
}
