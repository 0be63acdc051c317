package io.hermesconnect.source.diff.fetch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcSettingsTest {

    @Test
    void queryTimeoutsRoundUpToWholeSecondsAndZeroStaysNoLimit() {
        assertThat(withQueryTimeout(Duration.ZERO).queryTimeoutSeconds()).isZero();
        assertThat(withQueryTimeout(Duration.ofMillis(1)).queryTimeoutSeconds()).isEqualTo(1);
        assertThat(withQueryTimeout(Duration.ofSeconds(2)).queryTimeoutSeconds()).isEqualTo(2);
        assertThat(withQueryTimeout(Duration.ofMillis(2001)).queryTimeoutSeconds()).isEqualTo(3);
        assertThat(withQueryTimeout(Duration.ofDays(100_000)).queryTimeoutSeconds()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void refusesAFetchSizeBelowOneAndNegativeTimeouts() {
        assertThatThrownBy(() -> new JdbcSettings("hr", "jdbc:postgresql://h/db", null, null, Map.of(), 0,
                Duration.ZERO, Duration.ZERO)).hasMessageContaining("fetch size of source hr");
        assertThatThrownBy(() -> withQueryTimeout(Duration.ofSeconds(-1))).hasMessageContaining("timeouts of source hr");
    }

    @Test
    void theDialectComesFromTheUrlsScheme() {
        assertThat(JdbcDialect.forUrl("jdbc:postgresql://h/db")).contains(JdbcDialect.POSTGRESQL);
        assertThat(JdbcDialect.forUrl("jdbc:mariadb://h/db")).contains(JdbcDialect.MARIADB);
        assertThat(JdbcDialect.forUrl("jdbc:oracle:thin:@h:1521/db")).isEmpty();
        assertThatThrownBy(() -> new JdbcFetcher(new JdbcSettings("hr", "jdbc:h2:mem:x?password=hidden", null, null,
                Map.of(), 1, Duration.ZERO, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JDBC source hr: the URL must start with one of jdbc:postgresql:, jdbc:mariadb:");
    }

    private static JdbcSettings withQueryTimeout(Duration timeout) {
        return new JdbcSettings("hr", "jdbc:postgresql://h/db", null, null, Map.of(), 1, timeout, Duration.ZERO);
    }
}
