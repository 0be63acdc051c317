package io.hermesconnect.source.diff.model;

import static io.hermesconnect.source.diff.TestData.attributes;
import static io.hermesconnect.source.diff.TestData.object;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Absent values, one form per value, strict equality. */
class DataObjectTest {

    private static final ObjectType USERS = type("Users", "id");

    @Test
    void nullEmptyListAndEmptyMapAreAbsent() {
        DataObject user = object(USERS, "id", 1, "mail", null, "groups", List.of(), "extra", Map.of(), "name", "",
                "address", attributes("city", null, "zip", List.of()));

        assertThat(user.attributes()).as("an empty string is a value; a map of absent values is absent")
                .containsOnlyKeys("id", "name");
        assertThat(user).isEqualTo(object(USERS, "id", 1, "name", ""));
    }

    @Test
    void aValueIsAbsentExactlyWhenItsNormalFormIsNull() {
        for (Object value : Arrays.asList(null, List.of(), Map.of(), attributes("city", null, "zip", List.of()), "", 0,
                List.of(List.of()), Arrays.asList((Object) null), attributes("city", "Lyon"), new byte[0], BigDecimal.ZERO)) {
            assertThat(Values.isAbsent(value)).as("%s", value).isEqualTo(Values.normalize(value) == null);
        }
    }

    @Test
    void typesAreStrict() {
        assertThat(object(USERS, "id", 1, "n", 1)).isNotEqualTo(object(USERS, "id", 1, "n", "1"));
        assertThat(object(USERS, "id", 1, "n", 1)).isNotEqualTo(object(USERS, "id", 1, "n", 1.0));
        assertThat(object(USERS, "id", 1, "n", true)).isNotEqualTo(object(USERS, "id", 1, "n", "true"));
        assertThat(object(USERS, "id", 1, "n", 1)).isNotEqualTo(object(USERS, "id", 1, "n", BigDecimal.ONE));
    }

    @Test
    void oneFormPerValue() {
        assertThat(object(USERS, "id", 1, "n", (short) 7, "b", BigInteger.valueOf(7), "d", new BigDecimal("1.50")))
                .as("integers of every width are one value; trailing zeros of a decimal do not count")
                .isEqualTo(object(USERS, "id", 1L, "n", 7L, "b", 7, "d", new BigDecimal("1.5")));
        assertThat(object(USERS, "id", 1, "d", new BigDecimal("0.000"))).isEqualTo(object(USERS, "id", 1, "d", BigDecimal.ZERO));
        assertThat(object(USERS, "id", 1, "photo", new byte[] {1, 2}))
                .as("bytes compare by content").isEqualTo(object(USERS, "id", 1, "photo", ByteBuffer.wrap(new byte[] {1, 2})));
        assertThat(object(USERS, "id", 1, "big", new BigInteger("18446744073709551616")).get("big"))
                .isEqualTo(new BigInteger("18446744073709551616"));
    }

    @Test
    void bytesAreCopied() {
        byte[] photo = {1, 2};
        DataObject user = object(USERS, "id", 1, "photo", photo);
        photo[0] = 9;

        assertThat(user).isEqualTo(object(USERS, "id", 1, "photo", new byte[] {1, 2}));
    }

    @Test
    void listOrderIsSignificantAndAbsentElementsKeepTheirPlace() {
        assertThat(object(USERS, "id", 1, "groups", List.of("a", "b"))).isNotEqualTo(object(USERS, "id", 1, "groups", List.of("b", "a")));
        assertThat(object(USERS, "id", 1, "groups", Arrays.asList("a", null)).get("groups")).isEqualTo(Arrays.asList("a", null));
        assertThat(object(USERS, "id", 1, "ids", List.of(1, 2))).isEqualTo(object(USERS, "id", 1, "ids", List.of(1L, 2L)));
    }

    @Test
    void attributesAreReadOnly() {
        DataObject user = object(USERS, "id", 1, "name", "Ada");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> user.attributes().put("name", "Bob"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
