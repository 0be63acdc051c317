package io.hermesconnect.source.diff.fetch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.fetch.FetchException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlFailuresTest {

    @ParameterizedTest
    @CsvSource({
        "08001, true", "08006, true", "08S01, true", "40001, true", "53300, true", "57014, true", "57P01, true",
        "58030, true", "70100, true", "28P01, false", "28000, false", "42601, false", "42S22, false", "42703, false",
        "0A000, false", "XX000, false"})
    void classifiesBySqlState(String state, boolean isTransient) {
        FetchException failure = SqlFailures.of("hr", "reading the query", new SQLException("server says no", state));

        assertThat(failure.isTransient()).isEqualTo(isTransient);
        assertThat(failure).hasMessage("JDBC source hr: reading the query failed: server says no");
    }

    @ParameterizedTest
    @CsvSource({"22P02", "23505", "23000"})
    void leavesOutTheMessageOfDataAndConstraintErrors(String state) {
        FetchException failure = SqlFailures.of("hr", "reading the query",
                new SQLException("duplicate key (id)=(secret-42)", state, 1062));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.getMessage()).contains(state, "1062").doesNotContain("secret-42");
        assertThat(failure).hasNoCause();
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void timeoutsAreTransientWhateverTheirState(boolean withState) {
        SQLException timeout = withState ? new SQLTimeoutException("too slow", "HY008") : new SQLTimeoutException();

        assertThat(SqlFailures.of("hr", "reading the query", timeout).isTransient()).isTrue();
    }
}
