package io.hermesconnect.source.diff.spill;

import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A poll's spill: sorted as the state is, duplicates noted, and gone once the poll ends or after a crash. */
class PollSpillTest {

    private static final ObjectType USERS = type("Users", "id");

    @TempDir
    Path directory;

    @Test
    void aKeyGivenTwiceKeepsItsFirstObject() {
        try (PollSpill spill = PollSpill.open(directory)) {
            SpilledObjects objects = spill.newObjects();

            assertThat(objects.addIfAbsent(object(USERS, "id", 1, "login", "first"))).isTrue();
            assertThat(objects.addIfAbsent(object(USERS, "id", 2, "login", "other"))).isTrue();
            assertThat(objects.addIfAbsent(object(USERS, "id", 1, "login", "second"))).as("a duplicate").isFalse();

            assertThat(objects.size()).isEqualTo(2);
            assertThat(objects).extracting(polled -> polled.object().get("login")).containsExactly("first", "other");
        }
    }

    @Test
    void keysOfEveryKindAndTuplesIterateInObjectKeysOrder() {
        List<Comparable<?>> values = List.of(10L, 9L, -1L, Long.MIN_VALUE, new BigInteger("123456789012345678901234567890"),
                1.5, -0.0, 0.0, new BigDecimal("1.5"), new BigDecimal("-12.25"), "", "9", "10", "é", "\uD83D\uDE00",
                ByteBuffer.wrap(new byte[] {1, 2}).asReadOnlyBuffer(), ByteBuffer.wrap(new byte[] {1}).asReadOnlyBuffer(),
                true, false, new Date(0), new Date(-86_400_000L));
        List<ObjectKey> keys = new ArrayList<>();
        for (Comparable<?> value : values) {
            keys.add(new ObjectKey(List.of(value)));
            keys.add(new ObjectKey(List.of(value, "admins")));
            keys.add(new ObjectKey(List.of(1L, value)));
        }
        Collections.shuffle(keys, new Random(42));
        try (PollSpill spill = PollSpill.open(directory)) {
            SpilledObjects objects = spill.newObjects();
            SpilledKeys keySet = spill.newKeys();
            for (ObjectKey key : keys) {
                objects.put(new PolledObject(new DataObject(key, Map.of("name", key.toString())), key.components().size() == 1));
                keySet.add(key);
            }

            List<ObjectKey> sorted = new ArrayList<>(keys);
            sorted.sort(null);
            assertThat(objects).extracting(PolledObject::key).containsExactlyElementsOf(sorted);
            assertThat(keySet).containsExactlyElementsOf(sorted);
            assertThat(objects).allSatisfy(polled -> {
                assertThat(polled.object().attributes()).isEqualTo(Map.of("name", polled.key().toString()));
                assertThat(polled.kept()).isEqualTo(polled.key().components().size() == 1);
            });
        }
    }

    @Test
    void closingDeletesTheFile() {
        PollSpill spill = PollSpill.open(directory);
        spill.newObjects().addIfAbsent(object(USERS, "id", 1, "password", "s3cr3t"));
        assertThat(spill.file()).exists().hasParent(directory);

        spill.close();

        assertThat(spill.file()).doesNotExist();
    }

    @Test
    void aFileACrashLeftIsDeletedAtStartAndReplacedByTheNextPoll() throws IOException {
        Path leftover = directory.resolve(PollSpill.FILE_NAME);
        Files.writeString(leftover, "what a crashed poll left");

        PollSpill.deleteLeftover(directory);
        assertThat(leftover).doesNotExist();

        Files.writeString(leftover, "what a crashed poll left");
        try (PollSpill spill = PollSpill.open(directory)) {
            assertThat(spill.newObjects().size()).as("a new, empty spill").isZero();
            assertThat(spill.file()).isEqualTo(leftover);
        }
    }
}
