package io.hermesconnect.source.diff.poll;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.projection;
import static io.hermesconnect.source.diff.TestData.template;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.SpillExtension;
import io.hermesconnect.source.diff.SpillTestData;
import io.hermesconnect.source.diff.constraint.IntegrityConstraints;
import io.hermesconnect.source.diff.diff.EmitOrder;
import io.hermesconnect.source.diff.diff.SnapshotDiff;
import io.hermesconnect.source.diff.diff.SnapshotRemovals;
import io.hermesconnect.source.diff.merge.ConflictPolicy;
import io.hermesconnect.source.diff.merge.Inconsistency;
import io.hermesconnect.source.diff.merge.KeyMergeConstraint;
import io.hermesconnect.source.diff.merge.MergedType;
import io.hermesconnect.source.diff.merge.SourceObjects;
import io.hermesconnect.source.diff.merge.TypeMerger;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PollAbortedException;
import io.hermesconnect.source.diff.state.StateProjection;
import io.hermesconnect.source.diff.store.EncodedObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One whole poll of the core: merge, integrity constraints, diff, emit order. */
class PollSnapshotBuilderTest {

    private static final ObjectType USERS = type("Users", "id");
    private static final ObjectType MEMBERS = type("GroupsMembers", "user_id", "group_id");

    /** The last emitted state of a type, sorted by key as the state store will give it. */
    private static List<DataObject> state(ObjectType type, DataObject... objects) {
        StateProjection projection = projection(type);
        List<DataObject> stored = new ArrayList<>();
        for (DataObject object : objects) {
            stored.add(projection.toState(object));
        }
        stored.sort(Comparator.comparing(DataObject::key));
        return stored;
    }

    @RegisterExtension
    final SpillExtension spills = new SpillExtension();

    private MergedType merged(ObjectType type, List<DataObject> state, SourceObjects... sources) {
        return new TypeMerger(projection(type), ConflictPolicy.USE_CACHED_ENTRY).merge(List.of(sources),
                key -> state.stream().filter(object -> object.key().equals(key)).findFirst(), spills.spill());
    }

    private SourceObjects source(String name, KeyMergeConstraint constraint, DataObject... objects) {
        return SpillTestData.source(spills.spill(), name, constraint, List.of(), List.of(objects));
    }

    private static final IntegrityConstraints MEMBERS_OF_KNOWN_USERS = new IntegrityConstraints(Map.of("GroupsMembers",
            List.of(template("types.GroupsMembers.integrity.constraints", "{{ _SELF.user_id in Users_pkeys }}"))));

    @Test
    void aPollEmitsTheChangesOfTheMergedAndFilteredSnapshot() {
        List<DataObject> usersState = state(USERS, object(USERS, "id", 1, "login", "ada", "mail", "ada@x"),
                object(USERS, "id", 2, "login", "bob"), object(USERS, "id", 3, "login", "cy"));
        List<DataObject> membersState = state(MEMBERS, object(MEMBERS, "user_id", 2, "group_id", 10),
                object(MEMBERS, "user_id", 3, "group_id", 10));
        // hr: Ada (mail changed in it), Cy, Dan (new); it: only mails of users hr knows; Bob left hr.
        // Cy's login conflicts between the sources: Cy keeps its emitted state.
        MergedType users = merged(USERS, usersState,
                source("hr", KeyMergeConstraint.NO_CONSTRAINT, object(USERS, "id", 1, "login", "ada"),
                        object(USERS, "id", 3, "login", "cy"), object(USERS, "id", 4, "login", "dan")),
                source("it", KeyMergeConstraint.MUST_ALREADY_EXIST, object(USERS, "id", 1, "mail", "ada@y"),
                        object(USERS, "id", 3, "login", "cyril"), object(USERS, "id", 9, "mail", "ghost@x")));
        MergedType members = merged(MEMBERS, membersState,
                source("hr", KeyMergeConstraint.NO_CONSTRAINT, object(MEMBERS, "user_id", 2, "group_id", 10),
                        object(MEMBERS, "user_id", 3, "group_id", 10), object(MEMBERS, "user_id", 4, "group_id", 10)));

        PollSnapshot snapshot = new PollSnapshotBuilder(MEMBERS_OF_KNOWN_USERS).build(List.of(users, members), spills.spill());

        assertThat(snapshot.mergeFiltered()).isEqualTo(Map.of("Users", 1, "GroupsMembers", 0));
        assertThat(snapshot.integrityFiltered()).as("Bob's membership: Bob is gone").isEqualTo(Map.of("Users", 0, "GroupsMembers", 1));
        assertThat(snapshot.inconsistencies()).containsExactly(new Inconsistency("Users", Inconsistency.Kind.MERGE_CONFLICT,
                new ObjectKey(List.of(3L)), "Users[3]", Inconsistency.Resolution.KEPT_LAST_STATE));

        Map<ObjectType, List<DataObject>> states = Map.of(USERS, usersState, MEMBERS, membersState);
        List<String> events = new ArrayList<>();
        new EmitOrder(List.of(USERS, MEMBERS),
                type -> new SnapshotDiff(projection(type), snapshot.sorted(type.name()),
                        states.get(type).stream().map(EncodedObject::encode).iterator()),
                type -> new SnapshotRemovals(type, snapshot.objects().get(type.name()).keys(),
                        states.get(type).stream().map(DataObject::key).iterator(),
                        key -> states.get(type).stream().filter(object -> object.key().equals(key)).findFirst().orElseThrow()))
                .forEachRemaining(change -> events.add(change.type().name() + " " + change.kind() + " " + change.key()));

        assertThat(events).containsExactly(
                "Users MODIFIED [1]", "Users ADDED [4]",
                "GroupsMembers ADDED [4, 10]",
                "GroupsMembers REMOVED [2, 10]",
                "Users REMOVED [2]");
    }

    @Test
    void aFailureInAnyTypeAbortsTheWholePoll() {
        MergedType users = merged(USERS, List.of(), source("hr", KeyMergeConstraint.NO_CONSTRAINT, object(USERS, "id", 1)));
        MergedType members = merged(MEMBERS, List.of(), source("hr", KeyMergeConstraint.NO_CONSTRAINT,
                object(MEMBERS, "user_id", 1, "group_id", 10)));
        IntegrityConstraints failing = new IntegrityConstraints(Map.of("GroupsMembers",
                List.of(template("types.GroupsMembers.integrity.constraints", "{{ _SELF.role in Users_pkeys }}"))));

        assertThatThrownBy(() -> new PollSnapshotBuilder(failing).build(List.of(users, members), spills.spill()))
                .isInstanceOf(PollAbortedException.class)
                .hasMessageStartingWith("The template of types.GroupsMembers.integrity.constraints failed on an object of type "
                        + "'GroupsMembers': ");
    }
}
