package io.hermesconnect.source.diff.merge;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.projection;
import static io.hermesconnect.source.diff.TestData.template;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.SpillExtension;
import io.hermesconnect.source.diff.merge.Inconsistency.Kind;
import io.hermesconnect.source.diff.merge.Inconsistency.Resolution;
import io.hermesconnect.source.diff.SpillTestData;
import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.model.PollAbortedException;
import io.hermesconnect.source.diff.state.StateProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The four key merge constraints give HERMES.md's reference results (keys merged so far {1..6}, next source {3..8}),
 * with and without conflicts; attributes of common keys merge; conflicts and duplicate keys under both policies.
 */
class TypeMergerTest {

    private static final ObjectType USERS = type("Users", List.of("id"),
            Map.of("password", AttributeClass.SECRET, "seen", AttributeClass.LOCAL), "{{ login }} ({{ id }})");
    private static final StateProjection PROJECTION = projection(USERS);
    private static final LastEmittedState NOTHING_EMITTED = key -> Optional.empty();

    private static TypeMerger merger(ConflictPolicy policy) {
        return new TypeMerger(PROJECTION, policy);
    }

    /** Keys {@code from..to} with a login from the first source and a mail from the second. */
    private static List<DataObject> users(long from, long to, String attribute) {
        return LongStream.rangeClosed(from, to).mapToObj(id -> object(USERS, "id", id, "login", "u" + id, attribute, "v" + id)).toList();
    }

    @RegisterExtension
    final SpillExtension spills = new SpillExtension();

    private SourceObjects source(String name, KeyMergeConstraint constraint, List<DataObject> objects) {
        return source(name, constraint, List.of(), objects);
    }

    private SourceObjects source(String name, KeyMergeConstraint constraint, List<NamedTemplate> mergeConstraints,
                                 List<DataObject> objects) {
        return SpillTestData.source(spills.spill(), name, constraint, mergeConstraints, objects);
    }

    private MergedType merge(TypeMerger merger, List<SourceObjects> sources, LastEmittedState lastEmitted) {
        return merger.merge(sources, lastEmitted, spills.spill());
    }

    private static Map<ObjectKey, PolledObject> objects(MergedType merged) {
        return SpillTestData.onHeap(merged.objects());
    }

    private MergedType mergeReference(KeyMergeConstraint constraint, List<DataObject> next, ConflictPolicy policy,
                                             LastEmittedState lastEmitted) {
        return merge(merger(policy), List.of(
                source("hr", KeyMergeConstraint.MUST_EXIST_IN_BOTH, users(1, 6, "uid")),
                source("it", constraint, next)), lastEmitted);
    }

    private static List<Long> keys(MergedType merged) {
        return objects(merged).keySet().stream().map(key -> (Long) key.components().get(0)).sorted().toList();
    }

    private static ObjectKey key(long id) {
        return new ObjectKey(List.of(id));
    }

    @Test
    void noConstraintIsTheUnion() {
        MergedType merged = mergeReference(KeyMergeConstraint.NO_CONSTRAINT, users(3, 8, "mail"), ConflictPolicy.USE_CACHED_ENTRY, NOTHING_EMITTED);

        assertThat(keys(merged)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(merged.filtered()).isZero();
        assertThat(objects(merged).get(key(4)).object().attributes())
                .as("a common key has the attributes of both").containsOnlyKeys("id", "login", "uid", "mail");
        assertThat(objects(merged).get(key(2)).object().attributes()).containsOnlyKeys("id", "login", "uid");
        assertThat(objects(merged).get(key(8)).object().attributes()).containsOnlyKeys("id", "login", "mail");
    }

    @Test
    void mustAlreadyExistDropsNewKeys() {
        MergedType merged = mergeReference(KeyMergeConstraint.MUST_ALREADY_EXIST, users(3, 8, "mail"), ConflictPolicy.USE_CACHED_ENTRY, NOTHING_EMITTED);

        assertThat(keys(merged)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(merged.filtered()).isEqualTo(2);
        assertThat(objects(merged).get(key(5)).object().get("mail")).isEqualTo("v5");
    }

    @Test
    void mustExistInBothIsTheIntersection() {
        MergedType merged = mergeReference(KeyMergeConstraint.MUST_EXIST_IN_BOTH, users(3, 8, "mail"), ConflictPolicy.USE_CACHED_ENTRY, NOTHING_EMITTED);

        assertThat(keys(merged)).containsExactly(3L, 4L, 5L, 6L);
        assertThat(merged.filtered()).isEqualTo(4);
        assertThat(objects(merged).get(key(3)).object().attributes()).containsOnlyKeys("id", "login", "uid", "mail");
    }

    @Test
    void mustNotExistRemovesCommonKeysAltogether() {
        MergedType merged = mergeReference(KeyMergeConstraint.MUST_NOT_EXIST, users(3, 8, "mail"), ConflictPolicy.USE_CACHED_ENTRY, NOTHING_EMITTED);

        assertThat(keys(merged)).containsExactly(1L, 2L, 7L, 8L);
        assertThat(merged.filtered()).isEqualTo(4);
    }

    /** The next source gives key 4 another login: a merge conflict on a common key. */
    private static List<DataObject> nextWithConflictOn4() {
        List<DataObject> next = new ArrayList<>(users(3, 8, "mail"));
        next.set(1, object(USERS, "id", 4, "login", "other", "mail", "v4"));
        return next;
    }

    private static final DataObject EMITTED_4 = PROJECTION.toState(
            object(USERS, "id", 4, "login", "u4", "uid", "old", "password", "pw", "seen", "today"));
    private static final LastEmittedState EMITTED_ONLY_4 = key -> key.equals(key(4)) ? Optional.of(EMITTED_4) : Optional.empty();

    @Test
    void eachConstraintWithAConflictKeepsTheLastEmittedState() {
        Map<KeyMergeConstraint, List<Long>> expected = Map.of(
                KeyMergeConstraint.NO_CONSTRAINT, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L),
                KeyMergeConstraint.MUST_ALREADY_EXIST, List.of(1L, 2L, 3L, 4L, 5L, 6L),
                KeyMergeConstraint.MUST_EXIST_IN_BOTH, List.of(3L, 4L, 5L, 6L));
        expected.forEach((constraint, keys) -> {
            MergedType merged = mergeReference(constraint, nextWithConflictOn4(), ConflictPolicy.USE_CACHED_ENTRY, EMITTED_ONLY_4);

            assertThat(keys(merged)).as(constraint.name()).isEqualTo(keys);
            PolledObject kept = objects(merged).get(key(4));
            assertThat(kept.kept()).isTrue();
            assertThat(kept.object().attributes()).as("the emitted state, without the secret's hash nor local attributes")
                    .isEqualTo(Map.of("id", 4L, "login", "u4", "uid", "old"));
            assertThat(merged.inconsistencies()).as(constraint.name()).containsExactly(
                    new Inconsistency("Users", Kind.MERGE_CONFLICT, key(4), "u4 (4)", Resolution.KEPT_LAST_STATE));
            assertThat(objects(merged).values().stream().filter(PolledObject::kept).count()).isEqualTo(1);
        });
    }

    @Test
    void aConflictNeverEmittedIsDropped() {
        MergedType merged = mergeReference(KeyMergeConstraint.NO_CONSTRAINT, nextWithConflictOn4(), ConflictPolicy.USE_CACHED_ENTRY, NOTHING_EMITTED);

        assertThat(keys(merged)).containsExactly(1L, 2L, 3L, 5L, 6L, 7L, 8L);
        assertThat(merged.inconsistencies()).containsExactly(
                new Inconsistency("Users", Kind.MERGE_CONFLICT, key(4), "u4 (4)", Resolution.DROPPED));
    }

    @Test
    void mustNotExistWithAConflictHasNothingToResolve() {
        MergedType merged = mergeReference(KeyMergeConstraint.MUST_NOT_EXIST, nextWithConflictOn4(), ConflictPolicy.USE_CACHED_ENTRY, EMITTED_ONLY_4);

        assertThat(keys(merged)).as("the conflicting key is removed with the other common keys").containsExactly(1L, 2L, 7L, 8L);
        assertThat(merged.inconsistencies()).isEmpty();
    }

    @Test
    void keepFirstValueTakesTheFirstSourcesValueAndReportsIt() {
        MergedType merged = mergeReference(KeyMergeConstraint.NO_CONSTRAINT, nextWithConflictOn4(), ConflictPolicy.KEEP_FIRST_VALUE, EMITTED_ONLY_4);

        assertThat(keys(merged)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        PolledObject four = objects(merged).get(key(4));
        assertThat(four.kept()).isFalse();
        assertThat(four.object().attributes()).isEqualTo(Map.of("id", 4L, "login", "u4", "uid", "v4", "mail", "v4"));
        assertThat(merged.inconsistencies()).containsExactly(
                new Inconsistency("Users", Kind.MERGE_CONFLICT, key(4), "u4 (4)", Resolution.FIRST_VALUE));
    }

    @Test
    void anAttributeAbsentFromOneSourceIsNoConflict() {
        MergedType merged = merge(merger(ConflictPolicy.USE_CACHED_ENTRY), List.of(
                source("hr", KeyMergeConstraint.NO_CONSTRAINT, List.of(object(USERS, "id", 1, "login", "ada", "mail", null))),
                source("it", KeyMergeConstraint.NO_CONSTRAINT, List.of(object(USERS, "id", 1, "login", "ada", "mail", "a@x")))),
                NOTHING_EMITTED);

        assertThat(merged.inconsistencies()).isEmpty();
        assertThat(objects(merged).get(key(1)).object().attributes()).isEqualTo(Map.of("id", 1L, "login", "ada", "mail", "a@x"));
    }

    @Test
    void aDuplicateKeyInOneSourceKeepsTheLastEmittedStateUnderBothPolicies() {
        for (ConflictPolicy policy : ConflictPolicy.values()) {
            for (int duplicatedIn = 0; duplicatedIn < 2; duplicatedIn++) {
                List<List<DataObject>> sources = new ArrayList<>(List.of(users(1, 6, "uid"), users(3, 8, "mail")));
                List<DataObject> withDuplicate = new ArrayList<>(sources.get(duplicatedIn));
                withDuplicate.add(object(USERS, "id", 4, "login", "again"));
                sources.set(duplicatedIn, withDuplicate);

                for (LastEmittedState lastEmitted : List.of(EMITTED_ONLY_4, NOTHING_EMITTED)) {
                    MergedType merged = merge(merger(policy), List.of(
                            source("hr", KeyMergeConstraint.NO_CONSTRAINT, sources.get(0)),
                            source("it", KeyMergeConstraint.NO_CONSTRAINT, sources.get(1))), lastEmitted);

                    boolean emitted = lastEmitted == EMITTED_ONLY_4;
                    String what = policy + ", duplicate in source " + duplicatedIn + ", emitted " + emitted;
                    assertThat(objects(merged).containsKey(key(4))).as(what).isEqualTo(emitted);
                    if (emitted) {
                        assertThat(objects(merged).get(key(4)).kept()).as(what).isTrue();
                    }
                    assertThat(merged.inconsistencies()).as(what).containsExactly(new Inconsistency("Users", Kind.DUPLICATE_KEY,
                            key(4), "u4 (4)", emitted ? Resolution.KEPT_LAST_STATE : Resolution.DROPPED));
                    assertThat(objects(merged)).as(what).hasSize(emitted ? 8 : 7);
                }
            }
        }
    }

    @Test
    void aDuplicateKeyOfATypesOnlySourceKeepsTheLastEmittedStateOrIsDropped() {
        for (LastEmittedState lastEmitted : List.of(EMITTED_ONLY_4, NOTHING_EMITTED)) {
            List<DataObject> withDuplicates = new ArrayList<>(users(1, 6, "uid"));
            withDuplicates.add(object(USERS, "id", 4, "login", "again"));
            withDuplicates.add(object(USERS, "id", 5, "login", "again"));

            MergedType merged = merge(merger(ConflictPolicy.KEEP_FIRST_VALUE),
                    List.of(source("hr", KeyMergeConstraint.NO_CONSTRAINT, withDuplicates)), lastEmitted);

            boolean emitted = lastEmitted == EMITTED_ONLY_4;
            assertThat(keys(merged)).as("emitted " + emitted)
                    .isEqualTo(emitted ? List.of(1L, 2L, 3L, 4L, 6L) : List.of(1L, 2L, 3L, 6L));
            if (emitted) {
                assertThat(objects(merged).get(key(4)).kept()).isTrue();
            }
            assertThat(objects(merged).get(key(3))).isEqualTo(PolledObject.polled(object(USERS, "id", 3, "login", "u3", "uid", "v3")));
            assertThat(merged.inconsistencies()).containsExactly(
                    new Inconsistency("Users", Kind.DUPLICATE_KEY, key(4), "u4 (4)", emitted ? Resolution.KEPT_LAST_STATE : Resolution.DROPPED),
                    new Inconsistency("Users", Kind.DUPLICATE_KEY, key(5), "u5 (5)", Resolution.DROPPED));
        }
    }

    @Test
    void mergeConstraintsRunToAFixedPointBeforeTheMerge() {
        // hr keeps users known to it; it keeps accounts whose sponsor is a user of hr.
        // Round 1 drops hr 3 (no account); round 2 drops account 2 (its sponsor 3 is gone); round 3 drops hr 2.
        SourceObjects hr = source("hr", KeyMergeConstraint.NO_CONSTRAINT,
                List.of(template("types.Users.sources.hr.merge.constraints", "{{ _SELF.id in it_pkeys }}")),
                List.of(object(USERS, "id", 1), object(USERS, "id", 2), object(USERS, "id", 3)));
        SourceObjects it = source("it", KeyMergeConstraint.NO_CONSTRAINT,
                List.of(template("types.Users.sources.it.merge.constraints", "{{ _SELF.sponsor is not defined or _SELF.sponsor in hr_pkeys }}")),
                List.of(object(USERS, "id", 1), object(USERS, "id", 2, "sponsor", 3)));

        MergedType merged = merge(merger(ConflictPolicy.USE_CACHED_ENTRY), List.of(hr, it), NOTHING_EMITTED);

        assertThat(keys(merged)).containsExactly(1L);
        assertThat(merged.filtered()).isEqualTo(3);
    }

    @Test
    void mergeConstraintsSeeEverySourcesObjects() {
        SourceObjects hr = source("hr", KeyMergeConstraint.NO_CONSTRAINT,
                List.of(template("types.Users.sources.hr.merge.constraints",
                        "{{ it | selectattr('id', 'equalto', _SELF.id) | list | length == 1 }}")),
                List.of(object(USERS, "id", 1), object(USERS, "id", 2)));
        SourceObjects it = source("it", KeyMergeConstraint.NO_CONSTRAINT, List.of(object(USERS, "id", 2)));

        assertThat(keys(merge(merger(ConflictPolicy.USE_CACHED_ENTRY), List.of(hr, it), NOTHING_EMITTED))).containsExactly(2L);
    }

    @Test
    void aFailingMergeConstraintAbortsTheMergeNamingTypeSourceAndKey() {
        SourceObjects it = source("it", KeyMergeConstraint.NO_CONSTRAINT,
                List.of(template("types.Users.sources.it.merge.constraints", "{{ _SELF.sponsor in hr_pkeys }}")),
                List.of(object(USERS, "id", 1, "login", "s3cr3t")));
        SourceObjects hr = source("hr", KeyMergeConstraint.NO_CONSTRAINT, List.of(object(USERS, "id", 1)));

        assertThatThrownBy(() -> merge(merger(ConflictPolicy.USE_CACHED_ENTRY), List.of(hr, it), NOTHING_EMITTED))
                .isInstanceOf(PollAbortedException.class)
                .hasMessageStartingWith("The template of types.Users.sources.it.merge.constraints failed on an object of type "
                        + "'Users' from source 'it': ")
                .hasMessageContaining("sponsor")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aMergeConstraintMustGiveABoolean() {
        SourceObjects hr = source("hr", KeyMergeConstraint.NO_CONSTRAINT,
                List.of(template("types.Users.sources.hr.merge.constraints", "{{ _SELF.login }}")),
                List.of(object(USERS, "id", 1, "login", "s3cr3t")));

        assertThatThrownBy(() -> merge(merger(ConflictPolicy.USE_CACHED_ENTRY), List.of(hr), NOTHING_EMITTED))
                .isInstanceOf(PollAbortedException.class)
                .hasMessage("The template of types.Users.sources.hr.merge.constraints must give true or false, and gave a value "
                        + "of another kind on an object of type 'Users' from source 'hr'");
    }
}
