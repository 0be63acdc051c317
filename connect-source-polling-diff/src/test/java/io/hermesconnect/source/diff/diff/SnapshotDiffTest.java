package io.hermesconnect.source.diff.diff;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.projection;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.spill.SpilledObject;
import io.hermesconnect.source.diff.state.SecretDigest;
import io.hermesconnect.source.diff.state.SecretHasher;
import io.hermesconnect.source.diff.state.StateProjection;
import io.hermesconnect.source.diff.store.EncodedObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The diff of one type as a merge of two key-sorted streams. */
class SnapshotDiffTest {

    private static final ObjectType USERS = type("Users", List.of("id"), Map.of("password", AttributeClass.SECRET,
            "last_seen", AttributeClass.CACHE_ONLY, "note", AttributeClass.LOCAL), null);
    private static final StateProjection PROJECTION = projection(USERS);

    private static DataObject user(Object... namesAndValues) {
        return object(USERS, namesAndValues);
    }

    private static DataObject stored(DataObject polled) {
        return PROJECTION.toState(polled);
    }

    private static List<Change> diff(List<DataObject> polled, List<DataObject> stored) {
        return diff(PROJECTION, polled, stored);
    }

    private static List<Change> diff(StateProjection projection, List<DataObject> polled, List<DataObject> stored) {
        List<Change> changes = new ArrayList<>();
        new SnapshotDiff(projection, spilled(polled.stream().map(PolledObject::polled)), encoded(stored.stream()))
                .forEachRemaining(changes::add);
        return changes;
    }

    private static Iterator<SpilledObject> spilled(Stream<PolledObject> polled) {
        return polled.map(SpilledObject::encode).iterator();
    }

    private static Iterator<EncodedObject> encoded(Stream<DataObject> stored) {
        return stored.map(EncodedObject::encode).iterator();
    }

    private static String summary(Change change) {
        return change.kind() + " " + change.key();
    }

    @Test
    void addedModifiedRemovedByKey() {
        List<DataObject> stored = List.of(stored(user("id", 1, "name", "Ada")), stored(user("id", 2, "name", "Bob")),
                stored(user("id", 4, "name", "Dan")));
        List<DataObject> polled = List.of(user("id", 1, "name", "Ada"), user("id", 2, "name", "Robert"),
                user("id", 3, "name", "Cy"), user("id", 5, "name", "Eve"));

        List<Change> changes = diff(polled, stored);

        assertThat(changes).extracting(SnapshotDiffTest::summary)
                .containsExactly("MODIFIED [2]", "ADDED [3]", "REMOVED [4]", "ADDED [5]");
        Change modified = changes.get(0);
        assertThat(modified.before()).isEqualTo(stored.get(1));
        assertThat(modified.after()).isEqualTo(polled.get(1));
        assertThat(modified.state()).isEqualTo(stored(polled.get(1)));
        Change removed = changes.get(2);
        assertThat(removed.before()).isEqualTo(stored.get(2));
        assertThat(removed.after()).isNull();
        assertThat(removed.state()).isNull();
        assertThat(changes.get(1).before()).isNull();
        assertThat(changes).allMatch(Change::isEvent);
    }

    @Test
    void typesAndListOrderAreStrict() {
        List<DataObject> stored = List.of(stored(user("id", 1, "n", "1")), stored(user("id", 2, "groups", List.of("a", "b"))),
                stored(user("id", 3, "n", 1)));
        List<DataObject> polled = List.of(user("id", 1, "n", 1), user("id", 2, "groups", List.of("b", "a")),
                user("id", 3, "n", (short) 1, "empty", List.of()));

        assertThat(diff(polled, stored)).extracting(SnapshotDiffTest::summary).containsExactly("MODIFIED [1]", "MODIFIED [2]");
    }

    @Test
    void anAttributeAddedOrRemovedIsAModification() {
        List<DataObject> stored = List.of(stored(user("id", 1, "name", "Ada")), stored(user("id", 2)));
        List<DataObject> polled = List.of(user("id", 1), user("id", 2, "mail", "bob@example.org"));

        assertThat(diff(polled, stored)).extracting(SnapshotDiffTest::summary).containsExactly("MODIFIED [1]", "MODIFIED [2]");
    }

    @Test
    void cacheOnlyChangesRewriteTheStateWithoutAnEventAndLocalOnesNothing() {
        List<DataObject> stored = List.of(stored(user("id", 1, "last_seen", "monday", "note", "x")),
                stored(user("id", 2, "note", "x")));
        List<DataObject> polled = List.of(user("id", 1, "last_seen", "tuesday", "note", "x"), user("id", 2, "note", "y"));

        List<Change> changes = diff(polled, stored);

        assertThat(changes).extracting(SnapshotDiffTest::summary).containsExactly("STATE_ONLY [1]");
        assertThat(changes.get(0).isEvent()).isFalse();
        assertThat(changes.get(0).state().attributes()).isEqualTo(Map.of("id", 1L, "last_seen", "tuesday"));
    }

    @Test
    void secretsAreDiffedByKeyedHashAndNeverStored() {
        DataObject withSecret = user("id", 1, "password", "s3cr3t");
        DataObject state = stored(withSecret);

        assertThat(state.get("password")).isInstanceOf(SecretDigest.class)
                .isEqualTo(new SecretHasher("test-hmac-key".getBytes(StandardCharsets.UTF_8)).digest("s3cr3t"));
        assertThat(((SecretDigest) state.get("password")).hmac()).doesNotContain("s3cr3t");
        assertThat(diff(List.of(withSecret), List.of(state))).as("an unchanged secret is not sent again").isEmpty();

        List<Change> changed = diff(List.of(user("id", 1, "password", "n3w")), List.of(state));
        assertThat(changed).extracting(SnapshotDiffTest::summary).containsExactly("MODIFIED [1]");
        assertThat(changed.get(0).after().get("password")).as("the event carries the new secret").isEqualTo("n3w");
        assertThat(changed.get(0).state().get("password")).isInstanceOf(SecretDigest.class);
    }

    @Test
    void theHashDependsOnTheKeyAndOnTheValuesKind() {
        SecretHasher other = new SecretHasher("another-key".getBytes(StandardCharsets.UTF_8));

        assertThat(other.digest("s3cr3t")).isNotEqualTo(stored(user("id", 1, "password", "s3cr3t")).get("password"));
        assertThat(other.digest("1")).isNotEqualTo(other.digest(1L));
        assertThat(other.digest(List.of("a", "b"))).isNotEqualTo(other.digest(List.of("ab")));
        assertThat(other.digest(Map.of("a", 1L, "b", 2L))).as("whatever the map's order")
                .isEqualTo(other.digest(Map.of("b", 2L, "a", 1L)));
    }

    @Test
    void withoutSecretsNorLocalAttributesAnObjectEncodedAsItsStateIsUnchangedAndAnyOtherIsDecodedAndCompared() {
        ObjectType plain = type("Users", List.of("id"), Map.of("last_seen", AttributeClass.CACHE_ONLY), null);
        StateProjection projection = projection(plain);
        DataObject ada = inOrder(object(plain, "id", 1, "name", "Ada", "last_seen", "monday"), "id", "name", "last_seen");
        DataObject adaReordered = inOrder(ada, "last_seen", "name", "id");
        DataObject bob = object(plain, "id", 2, "name", "Bob");

        assertThat(projection.storesPolledObjectsAsIs()).isTrue();
        assertThat(EncodedObject.encode(ada).sameAttributes(EncodedObject.encode(adaReordered)))
                .as("the same attributes in another order encode differently").isFalse();
        assertThat(diff(projection, List.of(ada, bob), List.of(adaReordered, bob))).as("equal, once decoded").isEmpty();
        assertThat(diff(projection, List.of(ada, object(plain, "id", 2, "name", "Robert")), List.of(adaReordered, bob)))
                .extracting(SnapshotDiffTest::summary).containsExactly("MODIFIED [2]");
    }

    private static DataObject inOrder(DataObject object, String... names) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String name : names) {
            attributes.put(name, object.get(name));
        }
        return new DataObject(object.key(), attributes);
    }

    @Test
    void aStateHoldingASecretInClearIsRewrittenThoughItsBytesMatchThePolledObject() {
        // the attribute became secret since the state was written: the state must not keep its value
        DataObject polled = user("id", 1, "password", "s3cr3t");

        assertThat(PROJECTION.storesPolledObjectsAsIs()).isFalse();
        List<Change> changes = diff(List.of(polled), List.of(polled));

        assertThat(changes).extracting(SnapshotDiffTest::summary).containsExactly("MODIFIED [1]");
        assertThat(changes.get(0).state().get("password")).isInstanceOf(SecretDigest.class);
    }

    @Test
    void aKeptObjectGivesNothing() {
        DataObject state = stored(user("id", 1, "name", "Ada", "password", "s3cr3t"));
        PolledObject kept = new PolledObject(PROJECTION.forTemplates(state), true);

        assertThat(new SnapshotDiff(PROJECTION, spilled(Stream.of(kept)), encoded(Stream.of(state))).hasNext()).isFalse();
        assertThatThrownBy(() -> new SnapshotDiff(PROJECTION, spilled(Stream.of(kept)), encoded(Stream.of())).hasNext())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("An object of type 'Users' keeps its last emitted state, but the stored state has no such key");
    }

    @Test
    void unsortedStreamsAreRefused() {
        assertThatThrownBy(() -> diff(List.of(user("id", 2), user("id", 1)), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The polled objects are not sorted by key: a key is not greater than the one before it");
        assertThatThrownBy(() -> diff(List.of(), List.of(stored(user("id", 1)), stored(user("id", 1)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The stored state are not sorted by key: a key is not greater than the one before it");
    }

    /** Hands out {@code count} users with sorted keys, counting how many were read. */
    private static final class CountingUsers implements Iterator<DataObject> {
        private final long count;
        private final boolean renamed;
        private long read;

        CountingUsers(long count, boolean renamed) {
            this.count = count;
            this.renamed = renamed;
        }

        @Override
        public boolean hasNext() {
            return read < count;
        }

        @Override
        public DataObject next() {
            read++;
            return user("id", read, "name", renamed && read % 2 == 0 ? "renamed" : "name");
        }
    }

    @Test
    void theDiffStreamsBothSidesHoldingOneObjectOfEach() {
        CountingUsers polled = new CountingUsers(200_000, true);
        CountingUsers stored = new CountingUsers(200_000, false);
        SnapshotDiff diff = new SnapshotDiff(PROJECTION, spilled(Stream.generate(polled::next).limit(200_000)
                .map(PolledObject::polled)), encoded(Stream.generate(() -> stored(stored.next())).limit(200_000)));

        assertThat(diff.next().key()).isEqualTo(new ObjectKey(List.of(2L)));
        assertThat(polled.read).as("read as far as the first change, and one ahead").isEqualTo(3);
        assertThat(stored.read).isEqualTo(3);
        long changes = 1;
        while (diff.hasNext()) {
            diff.next();
            changes++;
        }
        assertThat(changes).isEqualTo(100_000);
    }
}
