package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.config.PollPlan;
import io.hermesconnect.source.diff.config.RemovedTypes;
import io.hermesconnect.source.diff.config.TypePlan;
import io.hermesconnect.source.diff.diff.Change;
import io.hermesconnect.source.diff.diff.ChangeKind;
import io.hermesconnect.source.diff.event.KeySchemas;
import io.hermesconnect.source.diff.event.TypeSchema;
import io.hermesconnect.source.diff.model.MappingIterator;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.store.PollStateWriter;
import io.hermesconnect.source.diff.store.StateStore;
import io.hermesconnect.source.diff.store.StoredKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a change of the config's data model does to the stored state, found at the start of a poll:
 * <ul>
 *   <li>a type removed from {@code types}: with {@code removed.types=delete} a delete event for each of its stored
 *       objects; with {@code forget} they leave the state silently;</li>
 *   <li>a type whose primary key definition changed: its stored objects cannot be matched with the polled ones, so a
 *       delete of each under its old key is emitted first, then the type is diffed against an empty state (every object
 *       is created under its new key). Both happen in one poll: a compacted topic never lacks an object.</li>
 * </ul>
 * The deletes of both come before the poll's other events. Their events carry the key attributes only, with the
 * schemas the type's events had (kept in the state beside its primary key), as Debezium's deletes do without a full
 * replica identity: the same key, so a compacted topic drops the objects.
 */
final class ModelChanges {

    private static final Logger LOG = LoggerFactory.getLogger(ModelChanges.class);

    private final List<Iterator<Change>> removals = new ArrayList<>();
    private final Set<String> rekeyed = new LinkedHashSet<>();
    private final List<TypeSchema> removalSchemas = new ArrayList<>();

    /**
     * Finds the changes and records them (the types' primary keys, the forgotten types) in the poll's state.
     */
    ModelChanges(String topicPrefix, PollPlan plan, Map<String, TypeSchema> schemas, RemovedTypes removedTypes,
                 StateStore store, PollStateWriter state) {
        Set<String> configured = new LinkedHashSet<>();
        for (TypePlan type : plan.types()) {
            configured.add(type.name());
            StoredKey key = KeySchemas.stored(schemas.get(type.name()).schemas().keySchema());
            Optional<StoredKey> storedKey = store.storedKey(type.name());
            if (storedKey.isPresent() && !storedKey.get().attributes().equals(key.attributes())) {
                LOG.warn("Type '{}': its primary key changed from {} to {}: every stored object is deleted under its old"
                        + " key and created under its new one in this poll", type.name(), storedKey.get().attributes(),
                        key.attributes());
                rekeyed.add(type.name());
                remove(topicPrefix, type.name(), storedKey.get(), store);
            }
            if (!storedKey.equals(Optional.of(key))) {
                state.storedKey(type.name(), key);
            }
        }
        for (String gone : store.types()) {
            if (configured.contains(gone)) {
                continue;
            }
            Optional<StoredKey> storedKey = store.storedKey(gone);
            if (removedTypes == RemovedTypes.DELETE && storedKey.isPresent()) {
                LOG.warn("Type '{}' is no longer configured: its {} stored objects are deleted", gone, store.size(gone));
                remove(topicPrefix, gone, storedKey.get(), store);
            } else {
                LOG.warn("Type '{}' is no longer configured: its {} stored objects are forgotten, no event is emitted",
                        gone, store.size(gone));
                store.objects(gone).forEachRemaining(object -> state.remove(gone, object.key()));
            }
            state.forgetType(gone);
        }
    }

    /** The deletes to emit before the poll's other events. */
    List<Iterator<Change>> removals() {
        return removals;
    }

    /** Whether a type's stored objects are all deleted this poll, so that its diff starts from an empty state. */
    boolean isRekeyed(String type) {
        return rekeyed.contains(type);
    }

    /** The key-only schemas of the deletes' types. */
    List<TypeSchema> removalSchemas() {
        return removalSchemas;
    }

    private void remove(String topicPrefix, String type, StoredKey storedKey, StateStore store) {
        ObjectType stored = new ObjectType(type, storedKey.attributes(), Map.of(), null);
        removalSchemas.add(TypeSchema.keyOnly(topicPrefix, stored, KeySchemas.schemas(storedKey)));
        removals.add(new MappingIterator<>(store.objects(type),
                object -> new Change(stored, ChangeKind.REMOVED, object.key(), object, null, null)));
    }
}
