package io.hermesconnect.source.wal.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LsnTest {

    @Test
    void parsesAndPrintsTheServerForm() {
        Lsn lsn = Lsn.parse("16/B374D848");
        assertThat(lsn.asLong()).isEqualTo(0x16_B374D848L);
        assertThat(lsn).hasToString("16/B374D848");
        assertThat(Lsn.parse("16/b374d848")).isEqualTo(lsn);
        assertThat(Lsn.parse("0/1")).hasToString("0/1");
        assertThat(Lsn.parse("FFFFFFFF/FFFFFFFF").asLong()).isEqualTo(-1L);
        assertThat(Lsn.valueOf(-1L)).hasToString("FFFFFFFF/FFFFFFFF");
        assertThat(Lsn.valueOf(0x1_00000000L)).hasToString("1/0");
    }

    @Test
    void zeroIsTheInvalidPosition() {
        assertThat(Lsn.valueOf(0)).isSameAs(Lsn.INVALID);
        assertThat(Lsn.parse("0/0")).isSameAs(Lsn.INVALID);
        assertThat(Lsn.INVALID.isValid()).isFalse();
        assertThat(Lsn.valueOf(1).isValid()).isTrue();
        assertThat(Lsn.INVALID).hasToString("0/0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "16", "/1", "1/", "16/B374D84G", "-1/0", "1/+5", "123456789/0", "0/123456789", "1/2/3", " 1/2"})
    void rejectsWhatIsNotAnLsn(String text) {
        assertThatThrownBy(() -> Lsn.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Lsn.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersUnsigned() {
        Lsn high = Lsn.valueOf(0x8000_0000_0000_0000L);
        Lsn low = Lsn.valueOf(1);
        assertThat(high).isGreaterThan(low);
        assertThat(Lsn.valueOf(-1L)).isGreaterThan(high);
        assertThat(Lsn.parse("1/0")).isGreaterThan(Lsn.parse("0/FFFFFFFF"));
        assertThat(Lsn.parse("5/10")).isEqualByComparingTo(Lsn.valueOf(0x5_00000010L));

        List<Lsn> sorted = new ArrayList<>(List.of(high, Lsn.INVALID, Lsn.valueOf(-1L), low));
        Collections.sort(sorted);
        assertThat(sorted).containsExactly(Lsn.INVALID, low, high, Lsn.valueOf(-1L));
    }

    @Test
    void equalsAndHashCodeFollowTheValue() {
        assertThat(Lsn.valueOf(42)).isEqualTo(Lsn.valueOf(42)).hasSameHashCodeAs(Lsn.valueOf(42));
        assertThat(Lsn.valueOf(42)).isNotEqualTo(Lsn.valueOf(43)).isNotEqualTo("0/2A");
    }

    @Test
    void measuresLagInBytes() {
        assertThat(Lsn.bytesBetween(Lsn.parse("16/B374D848").asLong(), Lsn.parse("17/0").asLong()))
                .isEqualTo(0x17_00000000L - 0x16_B374D848L);
        assertThat(Lsn.bytesBetween(100, 100)).isZero();
        assertThat(Lsn.bytesBetween(200, 100)).as("behind is no lag").isZero();
        assertThat(Lsn.bytesBetween(0x7FFF_FFFF_FFFF_FFF0L, 0x8000_0000_0000_0010L)).as("across the sign bit").isEqualTo(0x20);
        assertThat(Lsn.bytesBetween(0x8000_0000_0000_0010L, 0x7FFF_FFFF_FFFF_FFF0L)).isZero();
    }
}
