package io.hermesconnect.source.diff.constraint;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.template;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.testing.CountingSet;
import io.hermesconnect.source.diff.SpillExtension;
import io.hermesconnect.source.diff.SpillTestData;
import io.hermesconnect.source.diff.merge.MergedType;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PollAbortedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Integrity constraints across types, to a fixed point, linear in the number of objects. */
class IntegrityConstraintsTest {

    private static final ObjectType USERS = type("Users", "id");
    private static final ObjectType GROUPS = type("Groups", "id");
    private static final ObjectType MEMBERS = type("GroupsMembers", "user_id", "group_id");
    private static final NamedTemplate ACTIVE_USERS = template("types.Users.integrity.constraints", "{{ _SELF.active }}");
    private static final NamedTemplate KNOWN_USER_AND_GROUP = template("types.GroupsMembers.integrity.constraints",
            "{{ _SELF.user_id in Users_pkeys and _SELF.group_id in Groups_pkeys }}");

    @RegisterExtension
    final SpillExtension spills = new SpillExtension();

    private MergedType merged(ObjectType type, List<DataObject> objects) {
        return new MergedType(type, SpillTestData.spilled(spills.spill(), objects), List.of(), 0, 0);
    }

    /** The keys a type has left, in order. */
    private static List<ObjectKey> keys(MergedType type) {
        return List.copyOf(SpillTestData.onHeap(type.objects()).keySet());
    }

    private static ObjectKey key(Object... components) {
        List<Comparable<?>> values = new ArrayList<>();
        for (Object component : components) {
            values.add((Comparable<?>) component);
        }
        return new ObjectKey(values);
    }

    @Test
    void filteringCascadesAcrossTypesUntilNothingChanges() {
        List<MergedType> types = List.of(
                merged(USERS, List.of(object(USERS, "id", 1, "active", true), object(USERS, "id", 2, "active", false))),
                merged(GROUPS, List.of(object(GROUPS, "id", 10))),
                merged(MEMBERS, List.of(object(MEMBERS, "user_id", 1, "group_id", 10),
                        object(MEMBERS, "user_id", 2, "group_id", 10),
                        object(MEMBERS, "user_id", 1, "group_id", 11))));

        IntegrityResult result = new IntegrityConstraints(Map.of("Users", List.of(ACTIVE_USERS),
                "GroupsMembers", List.of(KNOWN_USER_AND_GROUP))).apply(types, spills.spill());

        assertThat(keys(types.get(0))).containsExactly(key(1L));
        assertThat(keys(types.get(1))).containsExactly(key(10L));
        assertThat(keys(types.get(2))).as("user 2's membership goes in the round after user 2").containsExactly(key(1L, 10L));
        assertThat(result.filtered()).isEqualTo(Map.of("Users", 1, "Groups", 0, "GroupsMembers", 2));
        assertThat(result.rounds()).as("users, then memberships, then a round that filters nothing").isEqualTo(3);
    }

    @Test
    void withoutConstraintsNothingIsEvaluated() {
        MergedType users = merged(USERS, List.of(object(USERS, "id", 1)));
        IntegrityResult result = new IntegrityConstraints(Map.of()).apply(List.of(users), spills.spill());

        assertThat(keys(users)).containsExactly(key(1L));
        assertThat(result.rounds()).isZero();
    }

    @Test
    void typesSeeEachOthersObjects() {
        NamedTemplate ownerIsAUser = template("types.Groups.integrity.constraints",
                "{{ Users | selectattr('id', 'equalto', _SELF.owner) | list | length > 0 }}");
        List<MergedType> types = List.of(merged(USERS, List.of(object(USERS, "id", 1))),
                merged(GROUPS, List.of(object(GROUPS, "id", 10, "owner", 1), object(GROUPS, "id", 11, "owner", 2))));

        new IntegrityConstraints(Map.of("Groups", List.of(ownerIsAUser))).apply(types, spills.spill());

        assertThat(keys(types.get(1))).containsExactly(key(10L));
    }

    @Test
    void eachRoundIsOneLookUpPerObjectNotAScan() {
        int users = 100_000;
        List<DataObject> userObjects = new ArrayList<>();
        List<DataObject> memberships = new ArrayList<>();
        for (long id = 0; id < users; id++) {
            userObjects.add(object(USERS, "id", id, "active", id % 10 != 0));
            memberships.add(object(MEMBERS, "user_id", id, "group_id", 1));
        }
        NamedTemplate knownUser = template("types.GroupsMembers.integrity.constraints", "{{ _SELF.user_id in Users_pkeys }}");
        List<CountingSet> keySets = new ArrayList<>();
        IntegrityConstraints constraints = new IntegrityConstraints(
                Map.of("Users", List.of(ACTIVE_USERS), "GroupsMembers", List.of(knownUser)),
                set -> {
                    CountingSet counting = new CountingSet(set);
                    keySets.add(counting);
                    return counting;
                });

        IntegrityResult result = constraints.apply(List.of(merged(USERS, userObjects), merged(MEMBERS, memberships)), spills.spill());

        assertThat(result.filtered()).isEqualTo(Map.of("Users", users / 10, "GroupsMembers", users / 10));
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(keySets).as("one key set view per type, read in every round").hasSize(2);
        long lookups = keySets.stream().mapToLong(CountingSet::lookups).sum();
        long elementsRead = keySets.stream().mapToLong(CountingSet::elementsRead).sum();
        // the memberships tested in each round: all of them, all of them, the 90% left
        assertThat(lookups).as("one look-up per membership per round").isEqualTo(users + users + users * 9L / 10);
        assertThat(elementsRead).as("the engine reads at most a key or two per look-up, to learn the keys' type")
                .isLessThanOrEqualTo(2 * lookups);
    }

    @Test
    void aFailingConstraintAbortsNamingTheTypeAndKey() {
        List<MergedType> types = List.of(merged(MEMBERS, List.of(object(MEMBERS, "user_id", 1, "group_id", 10))));

        assertThatThrownBy(() -> new IntegrityConstraints(Map.of("GroupsMembers", List.of(KNOWN_USER_AND_GROUP))).apply(types, spills.spill()))
                .isInstanceOf(PollAbortedException.class)
                .hasMessageStartingWith("The template of types.GroupsMembers.integrity.constraints failed on an object of type "
                        + "'GroupsMembers': ")
                .hasMessageContaining("Users_pkeys");
    }
}
