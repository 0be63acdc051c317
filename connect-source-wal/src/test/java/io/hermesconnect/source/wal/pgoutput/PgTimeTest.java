package io.hermesconnect.source.wal.pgoutput;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PgTimeTest {

    @Test
    void countsMicrosecondsFromTheYear2000() {
        assertThat(PgTime.toInstant(0)).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(PgTime.toInstant(757_382_400_123_456L)).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
    }

    @Test
    void timesBeforeTheYear2000() {
        assertThat(PgTime.toInstant(-1)).isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
    }
}
