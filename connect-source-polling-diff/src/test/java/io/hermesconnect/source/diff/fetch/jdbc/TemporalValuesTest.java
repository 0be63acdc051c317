package io.hermesconnect.source.diff.fetch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.PostgresInfinity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

class TemporalValuesTest {

    @Test
    void infinitiesBecomeTheWalSourcesValues() {
        assertThat(TemporalValues.date(LocalDate.MAX)).isEqualTo(new Date(PostgresInfinity.DATE_POSITIVE_MILLIS));
        assertThat(TemporalValues.date(LocalDate.MIN)).isEqualTo(new Date(PostgresInfinity.DATE_NEGATIVE_MILLIS));
        assertThat(TemporalValues.timestamp(LocalDateTime.MAX)).isEqualTo(new Date(PGStatement.DATE_POSITIVE_INFINITY));
        assertThat(TemporalValues.timestamp(OffsetDateTime.MIN)).isEqualTo(new Date(PGStatement.DATE_NEGATIVE_INFINITY));
    }

    @Test
    void subMillisecondsAreTruncatedTowardsThePast() throws UnrepresentableValueException {
        assertThat(TemporalValues.timestamp(LocalDateTime.parse("1969-12-31T23:59:59.999999")))
                .isEqualTo(new Date(-1));
        assertThat(TemporalValues.time(LocalTime.parse("00:00:00.000999"))).isEqualTo(new Date(0));
        assertThat(TemporalValues.time(Duration.parse("PT0.000999S"), "t")).isEqualTo(new Date(0));
    }

    @Test
    void aTimestampWithoutZoneIsReadAsUtcAndOneWithZoneKeepsItsInstant() {
        assertThat(TemporalValues.timestamp(LocalDateTime.parse("2024-01-02T03:04:05")))
                .isEqualTo(Date.from(Instant.parse("2024-01-02T03:04:05Z")));
        assertThat(TemporalValues.timestamp(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))))
                .isEqualTo(Date.from(Instant.parse("2024-01-02T01:04:05Z")));
    }

    @Test
    void aTimeWithZoneIsTheUtcTimeOfDayWrappedIntoOneDay() {
        assertThat(TemporalValues.time(OffsetTime.parse("01:00:00+02:00"))).isEqualTo(new Date(23 * 3_600_000L));
        assertThat(TemporalValues.time(OffsetTime.parse("23:00:00-03:00"))).isEqualTo(new Date(2 * 3_600_000L));
    }

    @Test
    void midnightAtTheEndOfTheDayStaysTwentyFourHours() throws UnrepresentableValueException {
        assertThat(TemporalValues.time(LocalTime.MAX)).isEqualTo(new Date(86_400_000L));
        assertThat(TemporalValues.time(Duration.ofHours(24), "t")).isEqualTo(new Date(86_400_000L));
    }

    @Test
    void aMariaDbTimeOutsideADayIsRefusedNamingTheColumnNotTheValue() {
        for (Duration outside : new Duration[] {Duration.ofHours(24).plusNanos(1000), Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> TemporalValues.time(outside, "waited"))
                    .isInstanceOf(UnrepresentableValueException.class)
                    .hasMessageContaining("column waited")
                    .hasMessageNotContaining("24:00:00.000001")
                    .hasMessageNotContaining("-00:00:01");
        }
    }

    @Test
    void nullStaysNull() throws UnrepresentableValueException {
        assertThat(TemporalValues.date(null)).isNull();
        assertThat(TemporalValues.time((LocalTime) null)).isNull();
        assertThat(TemporalValues.time((OffsetTime) null)).isNull();
        assertThat(TemporalValues.time(null, "t")).isNull();
        assertThat(TemporalValues.timestamp((LocalDateTime) null)).isNull();
        assertThat(TemporalValues.timestamp((OffsetDateTime) null)).isNull();
    }
}
