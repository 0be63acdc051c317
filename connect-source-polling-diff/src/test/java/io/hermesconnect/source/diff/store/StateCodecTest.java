package io.hermesconnect.source.diff.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.state.SecretDigest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state's binary form gives back equal values of the same classes, and the local copy keeps ObjectKey's order. */
class StateCodecTest {

    private static final List<Object> EVERY_CLASS = List.of(
            0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 127L, 128L,
            new BigInteger("123456789012345678901234567890"), new BigInteger("-98765432109876543210987654321"),
            0.0, -0.0, -1.5e-300, Double.NaN, Double.NEGATIVE_INFINITY,
            new BigDecimal("1.5"), new BigDecimal("-0.000123"), new BigDecimal("1E+5"), BigDecimal.ZERO,
            "", "plain", "Grüße", "日本語", "emoji \uD83D\uDE00 and music \uD834\uDD1E", "lone \uD800 surrogate \uDC00",
            "nul \u0000 inside", true, false,
            ByteBuffer.wrap(new byte[] {0, -1, 127, -128}).asReadOnlyBuffer(), ByteBuffer.wrap(new byte[0]).asReadOnlyBuffer(),
            new Date(0), new Date(-86_400_000L * 365 * 200), new Date(4_102_444_800_000L),
            new SecretDigest("n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sDbDdfBg="));

    @Test
    void everyValueClassRoundTripsToAnEqualValueOfTheSameClass() {
        for (Object value : EVERY_CLASS) {
            Object decoded = roundTrip(value);
            assertThat(decoded).as("%s", value).isEqualTo(value);
            assertThat(decoded.getClass()).as("%s", value).isEqualTo(value.getClass());
        }
        assertThat(Double.doubleToRawLongBits((Double) roundTrip(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(((BigDecimal) roundTrip(new BigDecimal("1E+5"))).scale()).isEqualTo(-5);
        assertThat(((ByteBuffer) roundTrip(ByteBuffer.wrap(new byte[] {1}))).isReadOnly()).isTrue();
    }

    @Test
    void textIsItsLengthInUnitsThenEachUnitInUtf8sFormWhateverPathEncodesIt() {
        // the topic's and the local copy's format: ASCII text takes a bulk copy, any other a unit at a time
        assertThat(encoded("Ab")).containsExactly(7, 2, 'A', 'b');
        assertThat(encoded("é\u20ac")).containsExactly(7, 2, 0xc3, 0xa9, 0xe2, 0x82, 0xac);
        assertThat(encoded("\u007f\u0080")).containsExactly(7, 2, 0x7f, 0xc2, 0x80);
    }

    private static int[] encoded(Object value) {
        WriteBuffer out = new WriteBuffer();
        ValueCodec.write(out, value);
        ByteBuffer written = out.getBuffer().flip();
        int[] bytes = new int[written.remaining()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = written.get() & 0xff;
        }
        return bytes;
    }

    @Test
    void listsAndMapsRoundTripWithTheirNullsAndOrder() {
        List<Object> list = Collections.unmodifiableList(Arrays.asList(3L, null, "x", List.of(1L, 2L), Map.of("k", 1.5)));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("b", List.of("nested", new BigDecimal("2.25")));
        map.put(1L, new Date(5));
        map.put(null, true);

        assertThat(roundTrip(list)).isEqualTo(list);
        Object decodedMap = roundTrip(map);
        assertThat(decodedMap).isEqualTo(map);
        assertThat(new ArrayList<Object>(((Map<?, ?>) decodedMap).keySet())).containsExactly("b", 1L, null);
    }

    @Test
    void anObjectRoundTripsThroughTheTopicsRecordIntoTheLocalCopyAndItsRemovalIsATombstone(@TempDir Path dir) {
        ObjectKey key = new ObjectKey(List.of(42L, "admins"));
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < EVERY_CLASS.size(); i++) {
            attributes.put("a" + i, EVERY_CLASS.get(i));
        }
        DataObject object = new DataObject(key, attributes);

        SerializedRecord put = StateRecord.put("Groups", object).serialize();
        SerializedRecord removal = StateRecord.remove("Groups", key).serialize();
        assertThat(removal.value()).isNull();
        assertThat(removal.key()).as("the same key, so compaction keeps only the last").isEqualTo(put.key());
        assertThat(StateRecord.remove("Users", key).serialize().key()).isNotEqualTo(put.key());

        try (LocalCopy copy = LocalCopy.open(dir)) {
            copy.apply(put);
            assertThat(copy.types()).containsExactly("Groups");
            assertThat(copy.find("Groups", key)).contains(object);
            assertThat(copy.find("Groups", key).orElseThrow().attributes()).isEqualTo(object.attributes());
            copy.apply(removal);
            assertThat(copy.find("Groups", key)).isEmpty();
            assertThat(copy.types()).isEmpty();
        }
    }

    @Test
    void anUnsupportedValueIsAnErrorNamingTypeAttributeAndClassButNotTheValue() {
        DataObject object = new DataObject(new ObjectKey(List.of(1L)), Map.of("token", new UUID(7, 7)));
        DataObject timestamp = new DataObject(new ObjectKey(List.of(1L)), Map.of("at", new java.sql.Timestamp(5)));

        assertThatThrownBy(() -> StateRecord.put("Users", object).serialize())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attribute 'token'").hasMessageContaining("java.util.UUID")
                .hasMessageNotContaining(new UUID(7, 7).toString());
        assertThatThrownBy(() -> StateRecord.put("Users", timestamp).serialize())
                .as("a Date subclass would not compare equal to the Date it decodes to")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.sql.Timestamp");
        assertThatThrownBy(() -> StateRecord.remove("Users", new ObjectKey(List.of(new UUID(1, 2)))).serialize())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key component 1");
    }

    @Test
    void theLocalCopyIteratesKeysInObjectKeyOrderAfterReadingThemBackFromItsFile(@TempDir Path dir) {
        List<ObjectKey> keys = new ArrayList<>();
        for (Object value : EVERY_CLASS) {
            if (value instanceof Comparable<?> component && !(value instanceof SecretDigest)) {
                keys.add(new ObjectKey(List.of(component)));
                keys.add(new ObjectKey(List.of(component, -5L)));
                keys.add(new ObjectKey(List.of(component, "tuple")));
            }
        }
        Random random = new Random(15);
        for (int i = 0; i < 300; i++) {
            keys.add(new ObjectKey(List.of(random.nextLong() >> random.nextInt(64), randomText(random))));
            keys.add(new ObjectKey(List.of(BigInteger.valueOf(random.nextLong()).shiftLeft(64 + random.nextInt(8)))));
        }
        List<ObjectKey> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, random);

        String file = dir.resolve("order.mv.db").toString();
        try (MVStore store = MVStore.open(file)) {
            MVMap<ObjectKey, String> map = openObjects(store);
            for (ObjectKey key : shuffled) {
                map.put(key, "");
            }
        }
        List<ObjectKey> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        try (MVStore store = MVStore.open(file)) {
            assertThat(new ArrayList<>(openObjects(store).keySet())).containsExactlyElementsOf(sorted);
        }
    }

    private static MVMap<ObjectKey, String> openObjects(MVStore store) {
        return store.openMap("objects", new MVMap.Builder<ObjectKey, String>().keyType(ObjectKeyType.INSTANCE));
    }

    /** Text from the whole UTF-16 range, where the order of units differs from the order of code points. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            switch (random.nextInt(3)) {
                case 0 -> text.append((char) ('a' + random.nextInt(3)));
                case 1 -> text.append('\uFF21'); // above the surrogates in UTF-16, below them in code points
                default -> text.appendCodePoint(0x1F600 + random.nextInt(3));
            }
        }
        return text.toString();
    }

    private static Object roundTrip(Object value) {
        WriteBuffer out = new WriteBuffer();
        ValueCodec.write(out, value);
        ByteBuffer in = out.getBuffer().flip();
        Object decoded = ValueCodec.read(in);
        assertThat(in.hasRemaining()).as("every byte read").isFalse();
        return decoded;
    }
}
