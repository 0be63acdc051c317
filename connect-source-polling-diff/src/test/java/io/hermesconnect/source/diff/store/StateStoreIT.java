package io.hermesconnect.source.diff.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.TestData;
import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.state.StateProjection;
import io.hermesconnect.source.diff.store.RestoreReport.Outcome;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.connect.TopicWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state store against a real broker: what it writes, how it reopens, and what a crash leaves. */
class StateStoreIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static ConnectCluster connect;
    private static Admin admin;

    @TempDir
    Path temp;

    @BeforeAll
    static void startBroker() {
        connect = ConnectCluster.shared();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connect.bootstrapServers()));
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Test
    void theTopicIsCreatedCompactedWithOnePartition() throws Exception {
        String topic = UniqueNames.of("state");
        try (StateStore store = open(topic, temp.resolve("a"))) {
            assertThat(store.restore().outcome()).isEqualTo(Outcome.REBUILT);
            assertThat(store.types()).isEmpty();
        }
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        assertThat(description.partitions()).hasSize(1);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void anExistingTopicWithMorePartitionsOrNotOnlyCompactedIsAnErrorNamingIt() throws Exception {
        String partitioned = UniqueNames.of("state-partitioned");
        String deleting = UniqueNames.of("state-deleting");
        admin.createTopics(List.of(new NewTopic(partitioned, 3, (short) 1).configs(compacted()),
                new NewTopic(deleting, 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete"))))
                .all().get();

        assertThatThrownBy(() -> open(partitioned, temp.resolve("a"))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("'" + partitioned + "' has 3 partitions");
        assertThatThrownBy(() -> open(deleting, temp.resolve("b"))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("'" + deleting + "' has cleanup.policy=compact,delete");
    }

    @Test
    void aCommittedPollReopensFromTheSameDirectoryWithoutReadingTheTopic() {
        String topic = UniqueNames.of("state");
        commitBothPolls(topic, temp.resolve("a"));

        try (StateStore store = open(topic, temp.resolve("a"))) {
            assertThat(store.restore().outcome()).isEqualTo(Outcome.USED_AS_IS);
            assertThat(store.restore().recordsRead()).isZero();
            assertThat(store.restore().objects()).isEqualTo(5);
            assertThat(contents(store)).isEqualTo(contentsAfterBothPolls());
            assertThat(store.find("Users", key(3L))).contains(user(3L, "Carol", "ops"));
            assertThat(store.find("Users", key(2L))).isEmpty();
            assertThat(store.find("Nobody", key(2L))).isEmpty();
            assertThat(store.size("Users")).isEqualTo(3);
            assertThat(store.objects("Nobody").hasNext()).isFalse();
        }
    }

    @Test
    void anEmptyDirectoryIsRebuiltIdenticalFromTheTopic() {
        String topic = UniqueNames.of("state");
        commitBothPolls(topic, temp.resolve("a"));

        try (StateStore store = open(topic, temp.resolve("fresh"))) {
            assertThat(store.restore().outcome()).isEqualTo(Outcome.REBUILT);
            assertThat(store.restore().recordsRead()).as("every record of both polls, and each poll's marker").isEqualTo(10);
            assertThat(store.lastPoll()).as("the marker of the last commit").isEqualTo(2);
            assertThat(contents(store)).isEqualTo(contentsAfterBothPolls());
        }
    }

    @Test
    void aCopyThatIsBehindIsCaughtUp() throws IOException {
        String topic = UniqueNames.of("state");
        Path original = temp.resolve("original");
        try (StateStore store = open(topic, original)) {
            commit(store, firstPoll());
        }
        Path behind = copyDirectory(original, temp.resolve("behind"));
        try (StateStore store = open(topic, original)) {
            commit(store, secondPoll());
        }
        try (StateStore store = open(topic, behind)) {
            assertThat(store.restore().outcome()).isEqualTo(Outcome.CAUGHT_UP);
            assertThat(store.restore().recordsRead()).as("the second poll's records and its marker").isEqualTo(4);
            assertThat(contents(store)).isEqualTo(contentsAfterBothPolls());
        }
    }

    @Test
    void aCrashBetweenTheTopicWriteAndTheLocalApplyReopensConsistent() {
        String topic = UniqueNames.of("state");
        Path dir = temp.resolve("a");
        StateStore crashed = open(topic, dir);
        commit(crashed, firstPoll());
        PollStateWriter writer = crashed.begin();
        secondPoll().forEach(change -> change.accept(writer));
        writer.writeToTopicOnly();
        crashed.closeAsCrashed();

        try (StateStore store = open(topic, dir)) {
            assertThat(store.restore().outcome()).isEqualTo(Outcome.CAUGHT_UP);
            assertThat(store.restore().recordsRead()).as("the second poll's records").isEqualTo(3);
            assertThat(contents(store)).isEqualTo(contentsAfterBothPolls());
        }
    }

    @Test
    void aDiscardedPollLeavesNothingInTheTopicOrTheCopy() {
        String topic = UniqueNames.of("state");
        try (StateStore store = open(topic, temp.resolve("a"))) {
            commit(store, firstPoll());
            Map<String, List<DataObject>> before = contents(store);

            PollStateWriter discarded = store.begin();
            secondPoll().forEach(change -> change.accept(discarded));
            discarded.discard();
            try (PollStateWriter closed = store.begin()) {
                secondPoll().forEach(change -> change.accept(closed));
            }
            assertThat(contents(store)).isEqualTo(before);
            store.begin().commit(7);
            assertThat(contents(store)).isEqualTo(before);
            assertThat(store.lastPoll()).isEqualTo(7);
        }
        try (StateStore store = open(topic, temp.resolve("fresh"))) {
            assertThat(store.restore().recordsRead()).as("the first poll's records and the two markers only").isEqualTo(7);
            assertThat(store.types()).as("markers are no type").doesNotContain(".polls");
        }
    }

    @Test
    void aWriterAtATimeAndNoneReusedAfterItsEnd() {
        try (StateStore store = open(UniqueNames.of("state"), temp.resolve("a"))) {
            PollStateWriter writer = store.begin();
            assertThatThrownBy(store::begin).isInstanceOf(IllegalStateException.class);
            writer.commit(1);
            assertThatThrownBy(() -> writer.put("Users", user(9L, "Zed", "x"))).isInstanceOf(IllegalStateException.class);
            store.begin().discard();
        }
    }

    @Test
    void recordsAnotherClientWroteAreCaughtUpAtCommit() {
        String topic = UniqueNames.of("state");
        try (StateStore first = open(topic, temp.resolve("first")); StateStore second = open(topic, temp.resolve("second"))) {
            commit(first, firstPoll());
            commit(second, secondPoll());
            assertThat(contents(second)).isEqualTo(contentsAfterBothPolls());
        }
    }

    @Test
    void aRecreatedTopicOrAnUnreadableCopyIsRebuilt() throws Exception {
        String topic = UniqueNames.of("state");
        Path dir = temp.resolve("a");
        try (StateStore store = open(topic, dir)) {
            commit(store, firstPoll());
        }
        deleteTopic(topic);
        try (StateStore store = open(topic, dir)) {
            assertThat(store.restore().outcome()).isEqualTo(Outcome.REBUILT);
            assertThat(store.types()).as("the new topic is empty").isEmpty();
        }
        commitBothPolls(topic, dir);
        Path file = dir.resolve(LocalCopy.FILE_NAME);
        byte[] garbage = new byte[(int) Files.size(file)];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(file, garbage);
        try (StateStore store = open(topic, dir)) {
            assertThat(store.restore().outcome()).isEqualTo(Outcome.REBUILT);
            assertThat(contents(store)).isEqualTo(contentsAfterBothPolls());
        }
    }

    @Test
    void aRestoreOfManyConsumerPollsAppliesThemAllInOrder() {
        // the consumer hands over at most 10,000 records per poll: several batches reach the applying thread
        String topic = UniqueNames.of("state");
        int count = 25_000;
        try (StateStore store = open(topic, temp.resolve("writer"))) {
            try (PollStateWriter writer = store.begin()) {
                for (long id = count; id >= 1; id--) {
                    writer.put("Users", user(id, "user" + id, "dev"));
                }
                writer.remove("Users", key(7L));
                writer.put("Users", user(8L, "renamed", "ops"));
                writer.commit(1);
            }
        }
        try (StateStore store = open(topic, temp.resolve("restored"))) {
            assertThat(store.restore().outcome()).isEqualTo(Outcome.REBUILT);
            assertThat(store.restore().recordsRead()).isEqualTo(count + 3);
            assertThat(store.size("Users")).isEqualTo(count - 1);
            assertThat(store.find("Users", key(7L))).isEmpty();
            assertThat(store.find("Users", key(8L))).contains(user(8L, "renamed", "ops"));
            assertThat(store.find("Users", key((long) count))).contains(user(count, "user" + count, "dev"));
            assertThat(store.lastPoll()).isEqualTo(1);
        }
    }

    @Test
    void aRecordThatIsNotTheStatesStopsTheRestoreNamingItsOffsetAndTheTopic() {
        String topic = UniqueNames.of("state");
        try (StateStore store = open(topic, temp.resolve("a"))) {
            commit(store, firstPoll());
        }
        try (TopicWriter writer = connect.writer()) {
            writer.send(topic, new byte[] {(byte) 0xff}, new byte[] {1});
        }

        assertThatThrownBy(() -> open(topic, temp.resolve("b"))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("record at offset 6 of the state topic '" + topic + "'");
    }

    @Test
    void aStoredSecretIsNeitherInTheTopicNorInTheLocalCopy() throws IOException {
        String topic = UniqueNames.of("state");
        String secret = "Tr0ub4dor-and-3-more-words";
        StateProjection projection = new StateProjection(TestData.type("Users", List.of("id"),
                Map.of("password", AttributeClass.SECRET), null), TestData.HASHER);
        DataObject polled = new DataObject(key(1L), Map.of("id", 1L, "name", "Ada", "password", secret));
        Path dir = temp.resolve("a");
        try (StateStore store = open(topic, dir)) {
            try (PollStateWriter writer = store.begin()) {
                writer.put("Users", projection.toState(polled));
                writer.commit(1);
            }
            assertThat(store.find("Users", key(1L)).orElseThrow().get("password"))
                    .isEqualTo(TestData.HASHER.digest(secret));
        }

        List<byte[]> raw = new ArrayList<>();
        try (TopicReader reader = connect.reader(topic)) {
            for (ConsumerRecord<byte[], byte[]> record : reader.awaitCount(1, TIMEOUT)) {
                raw.add(record.key());
                raw.add(record.value());
            }
        }
        raw.add(Files.readAllBytes(dir.resolve(LocalCopy.FILE_NAME)));
        assertThat(raw.stream().anyMatch(bytes -> contains(bytes, "Ada"))).as("the search finds what is there").isTrue();
        for (byte[] bytes : raw) {
            assertThat(contains(bytes, secret)).as("the secret in the state's bytes").isFalse();
        }
    }

    private static StateStore open(String topic, Path dir) {
        return StateStore.open(new StateStoreSettings(dir, topic, 1,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connect.bootstrapServers()), "state-it", TIMEOUT));
    }

    /** A change to the state in a poll. */
    private interface Change {
        void accept(PollStateWriter writer);
    }

    /** Five records: four users and a group. */
    private static List<Change> firstPoll() {
        return List.of(
                writer -> writer.put("Users", user(4L, "Dan", "dev")),
                writer -> writer.put("Users", user(1L, "Ada", "dev")),
                writer -> writer.put("Users", user(2L, "Bob", "dev")),
                writer -> writer.put("Users", user(3L, "Carol", "dev")),
                writer -> writer.put("Groups", group("dev")));
    }

    /** Three records: a user changed, one deleted, a group added. */
    private static List<Change> secondPoll() {
        return List.of(
                writer -> writer.put("Users", user(3L, "Carol", "ops")),
                writer -> writer.remove("Users", key(2L)),
                writer -> writer.put("Groups", group("ops")));
    }

    private static Map<String, List<DataObject>> contentsAfterBothPolls() {
        Map<String, List<DataObject>> contents = new TreeMap<>();
        contents.put("Groups", List.of(group("dev"), group("ops")));
        contents.put("Users", List.of(user(1L, "Ada", "dev"), user(3L, "Carol", "ops"), user(4L, "Dan", "dev")));
        return contents;
    }

    /** Commits both polls and checks what the store then holds: sorted by key, user 2 removed. */
    private static void commitBothPolls(String topic, Path dir) {
        try (StateStore store = open(topic, dir)) {
            commit(store, firstPoll());
            commit(store, secondPoll());
            assertThat(contents(store)).isEqualTo(contentsAfterBothPolls());
        }
    }

    private static void commit(StateStore store, List<Change> changes) {
        try (PollStateWriter writer = store.begin()) {
            changes.forEach(change -> change.accept(writer));
            writer.commit(store.lastPoll() + 1);
        }
    }

    /** Every type's objects in the order the store iterates them. */
    private static Map<String, List<DataObject>> contents(StateStore store) {
        Map<String, List<DataObject>> contents = new TreeMap<>();
        for (String type : store.types()) {
            List<DataObject> objects = new ArrayList<>();
            store.objects(type).forEachRemaining(objects::add);
            assertThat(store.size(type)).isEqualTo(objects.size());
            contents.put(type, objects);
        }
        return contents;
    }

    private static ObjectKey key(Object... components) {
        List<Comparable<?>> list = new ArrayList<>();
        for (Object component : components) {
            list.add((Comparable<?>) component);
        }
        return new ObjectKey(list);
    }

    private static DataObject user(long id, String name, String team) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", id);
        attributes.put("name", name);
        attributes.put("team", team);
        attributes.put("since", new Date(1_600_000_000_000L + id));
        attributes.put("quota", new BigDecimal("12.5"));
        attributes.put("roles", List.of("reader", name));
        return new DataObject(key(id), attributes);
    }

    private static DataObject group(String name) {
        return new DataObject(key(name), Map.of("name", name, "size", 2L));
    }

    private static Map<String, String> compacted() {
        return new HashMap<>(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private static void deleteTopic(String topic) throws Exception {
        admin.deleteTopics(List.of(topic)).all().get();
        Wait.until("topic " + topic + " deleted", TIMEOUT, () -> !listTopics().contains(topic));
    }

    private static Set<String> listTopics() {
        try {
            return admin.listTopics().names().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static boolean contains(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
