package io.hermesconnect.source.diff.diff;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.projection;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.spill.SpilledObject;
import io.hermesconnect.source.diff.store.EncodedObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Creates and updates in type order, deletes in reverse type order. */
class EmitOrderTest {

    private static final ObjectType USERS = type("Users", "id");
    private static final ObjectType GROUPS = type("Groups", "id");
    private static final ObjectType MEMBERS = type("GroupsMembers", "user_id", "group_id");

    @Test
    void parentsAreCreatedFirstAndDeletedLast() {
        // per type: the last emitted state and this poll, each with an addition, a modification and a removal
        Map<ObjectType, List<DataObject>> stored = Map.of(
                USERS, List.of(object(USERS, "id", 1, "name", "a"), object(USERS, "id", 2)),
                GROUPS, List.of(object(GROUPS, "id", 1, "name", "a"), object(GROUPS, "id", 2)),
                MEMBERS, List.of(object(MEMBERS, "user_id", 1, "group_id", 1, "role", "a"), object(MEMBERS, "user_id", 2, "group_id", 2)));
        Map<ObjectType, List<DataObject>> polled = Map.of(
                USERS, List.of(object(USERS, "id", 1, "name", "b"), object(USERS, "id", 3)),
                GROUPS, List.of(object(GROUPS, "id", 1, "name", "b"), object(GROUPS, "id", 3)),
                MEMBERS, List.of(object(MEMBERS, "user_id", 1, "group_id", 1, "role", "b"), object(MEMBERS, "user_id", 3, "group_id", 3)));
        Map<ObjectType, Integer> diffsOpened = new HashMap<>();

        Function<ObjectType, Iterator<Change>> diffOf = type -> {
            diffsOpened.merge(type, 1, Integer::sum);
            return new SnapshotDiff(projection(type), polled.get(type).stream().map(PolledObject::polled)
                    .map(SpilledObject::encode).iterator(), stored.get(type).stream().map(EncodedObject::encode).iterator());
        };
        EmitOrder order = new EmitOrder(List.of(USERS, GROUPS, MEMBERS), diffOf, diffOf);
        List<String> emitted = new ArrayList<>();
        order.forEachRemaining(change -> emitted.add(change.type().name() + " " + change.kind() + " " + change.key()));

        assertThat(emitted).containsExactly(
                "Users MODIFIED [1]", "Users ADDED [3]",
                "Groups MODIFIED [1]", "Groups ADDED [3]",
                "GroupsMembers MODIFIED [1, 1]", "GroupsMembers ADDED [3, 3]",
                "GroupsMembers REMOVED [2, 2]",
                "Groups REMOVED [2]",
                "Users REMOVED [2]");
        assertThat(diffsOpened).as("each type diffed once per pass, from freshly opened streams")
                .isEqualTo(Map.of(USERS, 2, GROUPS, 2, MEMBERS, 2));
    }

    @Test
    void noTypesNoChanges() {
        Function<ObjectType, Iterator<Change>> none = type -> {
            throw new AssertionError("no type to diff");
        };
        assertThat(new EmitOrder(List.of(), none, none).hasNext()).isFalse();
    }
}
