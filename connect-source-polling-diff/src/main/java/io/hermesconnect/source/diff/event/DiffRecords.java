package io.hermesconnect.source.diff.event;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.source.diff.diff.Change;
import io.hermesconnect.source.diff.diff.ChangeKind;
import io.hermesconnect.source.diff.model.ObjectType;
import java.time.Instant;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the records of a poll's changes: one change event per added, modified or removed object (DESIGN.md section
 * 3, {@code source.connector=polling-diff}), a removal followed by a tombstone unless turned off. {@code before} is the
 * last emitted state (without its secrets, which are stored only as hashes), {@code after} the polled object.
 */
public final class DiffRecords {

    /** The offset key of every record: the poll it belongs to. */
    public static final String OFFSET_POLL = "poll";

    private final String topicPrefix;
    private final TopicRouting routing;
    private final boolean tombstones;
    private final Map<ObjectType, TypeSchema> schemas = new IdentityHashMap<>();
    private final Map<String, ?> sourcePartition;

    /**
     * @param topicPrefix the connector's {@code topic.prefix}, also {@code source.name}
     * @param routing     where each type's events go
     * @param tombstones  whether a removal is followed by a tombstone
     * @param schemas     the schemas of each type a change may be of (a change's type is matched by identity: a type
     *                    stored under an earlier primary key is another type than the configured one of its name)
     */
    public DiffRecords(String topicPrefix, TopicRouting routing, boolean tombstones, Collection<TypeSchema> schemas) {
        this.topicPrefix = Objects.requireNonNull(topicPrefix, "topicPrefix");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.tombstones = tombstones;
        schemas.forEach(schema -> this.schemas.put(schema.type(), schema));
        this.sourcePartition = sourcePartition(topicPrefix);
    }

    /** The source partition of every record of a connector: its offsets hold the last poll whose events were sent. */
    public static Map<String, String> sourcePartition(String topicPrefix) {
        return Map.of("topic.prefix", topicPrefix);
    }

    /** The topics this connector writes to, for the given types. */
    public List<String> topics(List<String> types) {
        return types.stream().map(type -> routing.topic(topicPrefix, type)).distinct().toList();
    }

    /** The operation of a change's event: an addition is a snapshot read in a snapshot poll, else a creation. */
    public static Operation operation(ChangeKind kind, SourceInfo.Snapshot snapshot) {
        return switch (kind) {
            case ADDED -> snapshot == SourceInfo.Snapshot.FALSE ? Operation.CREATE : Operation.READ;
            case MODIFIED -> Operation.UPDATE;
            case REMOVED -> Operation.DELETE;
            case STATE_ONLY -> throw new IllegalArgumentException("A state-only change is not an event");
        };
    }

    /**
     * The records of one change that is an event.
     *
     * @param change   an added, modified or removed object
     * @param poll     the poll's sequence number
     * @param index    the change's position in the poll, from 0
     * @param snapshot the snapshot marker: {@code TRUE}/{@code FIRST}/{@code LAST} in a snapshot poll, else {@code FALSE}
     * @param polledAt when the poll's fetch started: {@code source.ts_ms}
     */
    public List<SourceRecord> records(Change change, long poll, long index, SourceInfo.Snapshot snapshot, Instant polledAt) {
        TypeSchema type = schemas.get(change.type());
        ChangeEventSchemas eventSchemas = type.schemas();
        Struct before = change.before() == null ? null : type.row(change.before());
        Struct after = change.after() == null ? null : type.row(change.after());
        Operation op = operation(change.kind(), snapshot);
        Struct source = new SourceInfo(SourceInfo.CONNECTOR_POLLING_DIFF, topicPrefix, type.db())
                .table("", change.type().name())
                .commitTime(polledAt)
                .snapshot(snapshot)
                .poll(poll)
                .sequence("[\"" + poll + "\",\"" + index + "\"]")
                .struct();
        Struct key = eventSchemas.key(after != null ? after : before);
        Struct value = eventSchemas.envelope(op, before, after, source, null, Instant.now());
        String topic = routing.topic(topicPrefix, change.type().name());
        Map<String, Long> offset = Map.of(OFFSET_POLL, poll);
        SourceRecord event = new SourceRecord(sourcePartition, offset, topic, null, eventSchemas.keySchema(), key,
                eventSchemas.valueSchema(), value);
        if (op != Operation.DELETE || !tombstones) {
            return List.of(event);
        }
        SourceRecord tombstone = new SourceRecord(sourcePartition, offset, topic, null, eventSchemas.keySchema(), key,
                null, null);
        return List.of(event, tombstone);
    }
}
