package io.hermesconnect.source.diff.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tuple keys and their total order, consistent with equals. */
class ObjectKeyTest {

    @Test
    void tupleKeysCompareComponentByComponent() {
        ObjectKey ada = new ObjectKey(List.of(1L, "admins"));

        assertThat(ada).isEqualTo(new ObjectKey(List.of(1L, "admins"))).hasSameHashCodeAs(new ObjectKey(List.of(1L, "admins")));
        assertThat(ada).isNotEqualTo(new ObjectKey(List.of("admins", 1L)));
        assertThat(ada.compareTo(new ObjectKey(List.of(1L, "users")))).isNegative();
        assertThat(ada.compareTo(new ObjectKey(List.of(2L, "admins")))).isNegative();
        assertThat(new ObjectKey(List.of(1L)).compareTo(ada)).as("a prefix comes first").isNegative();
    }

    @Test
    void theOrderIsTotalAndConsistentWithEquals() {
        List<ObjectKey> keys = new ArrayList<>();
        for (Object value : List.of(10L, 9L, -1L, "10", "9", "", new BigDecimal("1.5"), 1.5, true, false,
                new UUID(0, 2), new UUID(0, 1))) {
            keys.add(new ObjectKey(List.of((Comparable<?>) value)));
        }
        for (ObjectKey a : keys) {
            for (ObjectKey b : keys) {
                assertThat(a.compareTo(b) == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
            }
        }
        List<ObjectKey> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertThat(sorted.indexOf(new ObjectKey(List.of(9L)))).as("numbers in numeric order")
                .isLessThan(sorted.indexOf(new ObjectKey(List.of(10L))));
        assertThat(sorted.indexOf(new ObjectKey(List.of("10")))).as("text in text order")
                .isLessThan(sorted.indexOf(new ObjectKey(List.of("9"))));
    }
}
