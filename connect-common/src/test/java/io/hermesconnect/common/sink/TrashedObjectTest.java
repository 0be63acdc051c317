package io.hermesconnect.common.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrashedObjectTest {

    @Test
    void aKeyReadsBackEqualWithEveryValueOfItsType() {
        ObjectKey key = new ObjectKey("public.user groups", List.of("a/b:c d%é", 42L, 7, (short) 3, (byte) 1, true,
                1.5d, 2.5f, new BigDecimal("12.30"), new Date(1_700_000_000_000L)));

        String text = TrashedObject.keyText(key);

        assertThat(text).matches("[!-~]+").doesNotContain(" ");
        assertThat(TrashedObject.parseKey(text)).isEqualTo(key);
    }

    @Test
    void theTypeOfAValueIsKeptSoThatAnIntegerKeyNeverMatchesALongOne() {
        assertThat(TrashedObject.keyText(new ObjectKey("users", List.of(42L)))).isEqualTo("users/Long:42");
        assertThat(TrashedObject.parseKey("users/Integer:42")).isNotEqualTo(new ObjectKey("users", List.of(42L)));
    }

    @Test
    void aValueOfAnotherTypeIsADataErrorThatQuotesNoValue() {
        ObjectKey bytes = new ObjectKey("files", List.of(ByteBuffer.wrap(new byte[] {4, 2})));

        assertThatThrownBy(() -> TrashedObject.keyText(bytes)).isInstanceOf(TargetDataException.class)
                .hasMessageContaining("HeapByteBuffer").hasMessageContaining("kind 'files'");
    }

    @Test
    void textThatIsNoKeyIsRefused() {
        assertThatThrownBy(() -> TrashedObject.parseKey("users")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrashedObject.parseKey("users/Uuid:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrashedObject.parseKey("users/Long:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
