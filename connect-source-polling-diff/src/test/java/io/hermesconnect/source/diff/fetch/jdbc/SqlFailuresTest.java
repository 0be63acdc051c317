package io.hermesconnect.source.diff.fetch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlFailuresTest {

    @ParameterizedTest
    @CsvSource({
        "08001, true, CONNECTION", "08006, true, CONNECTION", "08S01, true, CONNECTION", "40001, true, CONNECTION",
        "53300, true, CONNECTION", "57014, true, CONNECTION", "57P01, true, CONNECTION", "58030, true, CONNECTION",
        "70100, true, CONNECTION", "28P01, false, CREDENTIALS", "28000, false, CREDENTIALS", "42601, false, QUERY",
        "42S22, false, QUERY", "42703, false, QUERY", "0A000, false, QUERY", "XX000, false, QUERY"})
    void classifiesBySqlState(String state, boolean isTransient, Refused refused) {
        FetchException failure = SqlFailures.of("hr", "reading the query", new SQLException("server says no", state));

        assertThat(failure.isTransient()).isEqualTo(isTransient);
        assertThat(failure.refused()).isEqualTo(refused);
        assertThat(failure.column()).isNull();
        assertThat(failure).hasMessage("JDBC source hr: reading the query failed: server says no");
    }

    @ParameterizedTest
    @CsvSource({"28P01, CREDENTIALS", "08001, CONNECTION", "3D000, CONNECTION", "42000, CONNECTION",
        "XX000, CONNECTION"})
    void whileConnectingAnythingButTheCredentialsIsTheConnection(String state, Refused refused) {
        FetchException failure = SqlFailures.connecting("hr", new SQLException("server says no", state));

        assertThat(failure.refused()).isEqualTo(refused);
        assertThat(failure).hasMessage("JDBC source hr: connecting failed: server says no");
    }

    @Test
    void theDriversAuthorizationFailureIsTheCredentialsWhateverItsState() {
        SQLException refused = new SQLInvalidAuthorizationSpecException("access denied", "HY000");

        assertThat(SqlFailures.connecting("hr", refused).refused()).isEqualTo(Refused.CREDENTIALS);
        assertThat(SqlFailures.of("hr", "reading the query", refused).refused()).isEqualTo(Refused.CREDENTIALS);
    }

    @ParameterizedTest
    @CsvSource({"22P02", "23505", "23000"})
    void leavesOutTheMessageOfDataAndConstraintErrors(String state) {
        FetchException failure = SqlFailures.of("hr", "reading the query",
                new SQLException("duplicate key (id)=(secret-42)", state, 1062));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.refused()).isEqualTo(Refused.QUERY);
        assertThat(failure.getMessage()).contains(state, "1062").doesNotContain("secret-42");
        assertThat(failure).hasNoCause();
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void timeoutsAreTransientWhateverTheirState(boolean withState) {
        SQLException timeout = withState ? new SQLTimeoutException("too slow", "HY008") : new SQLTimeoutException();

        FetchException failure = SqlFailures.of("hr", "reading the query", timeout);

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.refused()).isEqualTo(Refused.CONNECTION);
    }
}
