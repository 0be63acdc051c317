package io.hermesconnect.source.diff.fetch.jdbc;

import io.hermesconnect.source.diff.fetch.FetchException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Turns a driver's {@link SQLException} into a {@link FetchException}, transient when retrying later may succeed.
 * Transient: the SQLSTATE classes 08 (connection), 40 (transaction rollback, e.g. deadlock), 53 (insufficient
 * resources), 57 (operator intervention: a server shutting down, a statement cancelled by its timeout), 58 (system
 * error), MariaDB's {@code 70100} (statement interrupted, e.g. by {@code max_statement_time}) and whatever the driver
 * itself calls transient or recoverable (timeouts). Everything else, 28 (credentials) and 42 (syntax, unknown table
 * or column) included, is not. The server's message is kept except for classes 22 (data) and 23 (constraint
 * violation), whose messages may quote values: those give the SQLSTATE and vendor code only, without the cause.
 */
final class SqlFailures {

    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String MARIADB_INTERRUPTED = "70100";
    private static final Set<String> VALUE_QUOTING_CLASSES = Set.of("22", "23");

    private SqlFailures() {
    }

    /**
     * @param source the source's name
     * @param what   what was being done, e.g. "reading the query"
     */
    static FetchException of(String source, String what, SQLException e) {
        String state = e.getSQLState();
        String prefix = "JDBC source " + source + ": " + what + " failed";
        if (!(e instanceof UnrepresentableValueException) && state != null
                && VALUE_QUOTING_CLASSES.contains(sqlClass(state))) {
            return new FetchException(prefix + " with SQLSTATE " + state + ", vendor code " + e.getErrorCode()
                    + " (the server's message is left out: it may quote values)", false, null);
        }
        return new FetchException(prefix + ": " + e.getMessage(), isTransient(e), e);
    }

    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (TRANSIENT_CLASSES.contains(sqlClass(state)) || state.equals(MARIADB_INTERRUPTED));
    }

    private static String sqlClass(String state) {
        return state.length() < 2 ? state : state.substring(0, 2);
    }
}
