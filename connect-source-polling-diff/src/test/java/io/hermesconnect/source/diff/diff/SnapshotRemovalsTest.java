package io.hermesconnect.source.diff.diff;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The removal pass walks the keys of both sides and reads only the removed objects from the state. */
class SnapshotRemovalsTest {

    private static final ObjectType MEMBERS = type("GroupsMembers", "user_id", "group_id");

    private static ObjectKey key(long user, long group) {
        return new ObjectKey(List.of(user, group));
    }

    @Test
    void theStoredKeysThePollLacksAreRemovedAndOnlyTheyAreRead() {
        Map<ObjectKey, DataObject> stored = new LinkedHashMap<>();
        for (long[] member : new long[][] {{1, 1}, {1, 2}, {2, 1}, {3, 1}, {4, 4}}) {
            stored.put(key(member[0], member[1]), object(MEMBERS, "user_id", member[0], "group_id", member[1], "role", "r"));
        }
        List<ObjectKey> polled = List.of(key(0, 9), key(1, 2), key(2, 1), key(2, 2), key(5, 5));
        List<ObjectKey> read = new ArrayList<>();

        SnapshotRemovals removals = new SnapshotRemovals(MEMBERS, polled.iterator(), stored.keySet().iterator(), key -> {
            read.add(key);
            return stored.get(key);
        });
        List<Change> changes = new ArrayList<>();
        removals.forEachRemaining(changes::add);

        assertThat(changes).extracting(Change::key).containsExactly(key(1, 1), key(3, 1), key(4, 4));
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.REMOVED);
            assertThat(change.before()).isEqualTo(stored.get(change.key()));
            assertThat(change.after()).isNull();
            assertThat(change.state()).isNull();
        });
        assertThat(read).containsExactly(key(1, 1), key(3, 1), key(4, 4));
    }

    @Test
    void anEmptyStateRemovesNothing() {
        assertThat(new SnapshotRemovals(MEMBERS, List.of(key(1, 1)).iterator(), List.<ObjectKey>of().iterator(), key -> {
            throw new AssertionError("nothing to read");
        }).hasNext()).isFalse();
    }
}
