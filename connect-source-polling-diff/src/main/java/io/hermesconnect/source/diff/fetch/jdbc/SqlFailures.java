package io.hermesconnect.source.diff.fetch.jdbc;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
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
 *
 * <p>What was refused: the credentials for class 28 and the drivers' {@link SQLInvalidAuthorizationSpecException};
 * the connection for a transient failure and for any other failure while connecting (a bad URL, an unknown database);
 * otherwise the query.
 */
final class SqlFailures {

    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String MARIADB_INTERRUPTED = "70100";
    private static final Set<String> VALUE_QUOTING_CLASSES = Set.of("22", "23");
    private static final String CREDENTIALS_CLASS = "28";

    private SqlFailures() {
    }

    /** A failure to open a connection: the credentials or, whatever else failed, the connection. */
    static FetchException connecting(String source, SQLException e) {
        return of(source, "connecting", e, Refused.CONNECTION);
    }

    /**
     * A failure of a statement: the credentials, the connection when transient, else the query.
     *
     * @param source the source's name
     * @param what   what was being done, e.g. "reading the query"
     */
    static FetchException of(String source, String what, SQLException e) {
        return of(source, what, e, Refused.QUERY);
    }

    /** @param otherwise what a failure neither of the credentials nor transient refused */
    private static FetchException of(String source, String what, SQLException e, Refused otherwise) {
        String state = e.getSQLState();
        String prefix = "JDBC source " + source + ": " + what + " failed";
        Refused refused = refused(e, otherwise);
        if (!(e instanceof UnrepresentableValueException) && state != null
                && VALUE_QUOTING_CLASSES.contains(sqlClass(state))) {
            return new FetchException(prefix + " with SQLSTATE " + state + ", vendor code " + e.getErrorCode()
                    + " (the server's message is left out: it may quote values)", false, refused, null, null);
        }
        return new FetchException(prefix + ": " + e.getMessage(), isTransient(e), refused, null, e);
    }

    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (TRANSIENT_CLASSES.contains(sqlClass(state)) || state.equals(MARIADB_INTERRUPTED));
    }

    private static Refused refused(SQLException e, Refused otherwise) {
        String state = e.getSQLState();
        if (e instanceof SQLInvalidAuthorizationSpecException
                || state != null && sqlClass(state).equals(CREDENTIALS_CLASS)) {
            return Refused.CREDENTIALS;
        }
        return isTransient(e) ? Refused.CONNECTION : otherwise;
    }

    private static String sqlClass(String state) {
        return state.length() < 2 ? state : state.substring(0, 2);
    }
}
