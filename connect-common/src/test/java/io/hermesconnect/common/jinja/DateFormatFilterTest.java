package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

class DateFormatFilterTest {

    /** 2024-05-01T08:15:30Z. */
    private static final Instant INSTANT = Instant.parse("2024-05-01T08:15:30Z");

    private static Object format(Object value, String arguments) {
        return Render.withValue("{{ value | date_format(" + arguments + ") }}", value);
    }

    @Test
    void formatsConnectDatesAndTimestamps() {
        assertThat(format(Date.from(INSTANT), "'yyyy-MM-dd HH:mm:ss'")).isEqualTo("2024-05-01 08:15:30");
        assertThat(format(Date.from(INSTANT), "\"yyyyMMddHHmmss'Z'\"")).isEqualTo("20240501081530Z");
    }

    @Test
    void formatsInAZone() {
        assertThat(format(Date.from(INSTANT), "'HH:mm XXX', 'Europe/Paris'")).isEqualTo("10:15 +02:00");
        assertThat(format(Date.from(INSTANT), "pattern='HH:mm', zone='America/New_York'")).isEqualTo("04:15");
    }

    @Test
    void formatsJavaTimeValues() {
        assertThat(format(INSTANT, "'yyyy-MM-dd HH:mm'")).isEqualTo("2024-05-01 08:15");
        assertThat(format(INSTANT.atZone(ZoneOffset.ofHours(2)), "'HH:mm'")).isEqualTo("08:15");
        assertThat(format(OffsetDateTime.ofInstant(INSTANT, ZoneOffset.ofHours(-3)), "'HH:mm'")).isEqualTo("08:15");
        assertThat(format(LocalDateTime.of(2024, 5, 1, 8, 15), "'dd/MM/yyyy HH:mm'")).isEqualTo("01/05/2024 08:15");
        assertThat(format(LocalDate.of(2024, 5, 1), "'EEEE d MMMM yyyy'")).isEqualTo("Wednesday 1 May 2024");
        assertThat(format(LocalTime.of(8, 15), "'HH:mm'")).isEqualTo("08:15");
        assertThat(format(ZonedDateTime.ofInstant(INSTANT, ZoneOffset.UTC), "'yyyy'")).isEqualTo("2024");
    }

    @Test
    void formatsEpochMillisAndIsoStrings() {
        assertThat(format(INSTANT.toEpochMilli(), "'yyyy-MM-dd HH:mm:ss'")).isEqualTo("2024-05-01 08:15:30");
        assertThat(format("2024-05-01", "'dd.MM.yyyy'")).isEqualTo("01.05.2024");
        assertThat(format("2024-05-01T08:15:30", "'HH:mm'")).isEqualTo("08:15");
        assertThat(format("2024-05-01T10:15:30+02:00", "'HH:mm'")).isEqualTo("08:15");
        assertThat(format("2024-05-01T08:15:30Z", "'HH:mm'")).isEqualTo("08:15");
        assertThat(format("2024-05-01T08:15:30.123Z", "'SSS'")).isEqualTo("123");
    }

    @Test
    void leavesNoneAlone() {
        assertThat(format(null, "'yyyy'")).isNull();
    }

    @Test
    void reportsBadInput() {
        assertThatThrownBy(() -> format("yesterday", "'yyyy'")).hasMessageContaining("date_format: the text is not an ISO-8601 date");
        assertThatThrownBy(() -> format(true, "'yyyy'")).hasMessageContaining("date_format: expects a date, a time");
        assertThatThrownBy(() -> format(INSTANT, "'yyyy', 'Mars/Olympus'")).hasMessageContaining("date_format: unknown time zone");
        assertThatThrownBy(() -> format(INSTANT, "'bbb'")).hasMessageContaining("date_format: invalid pattern");
        assertThatThrownBy(() -> format(LocalTime.NOON, "'yyyy'")).hasMessageContaining("date_format: the pattern asks for fields");
    }
}
