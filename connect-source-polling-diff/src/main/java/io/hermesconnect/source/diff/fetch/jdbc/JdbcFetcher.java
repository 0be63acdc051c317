package io.hermesconnect.source.diff.fetch.jdbc;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.Schema;

/**
 * Reads a JDBC source (PostgreSQL or MariaDB, {@link JdbcDialect}) through one connection, opened at the first call and
 * kept until {@link #close}; a failure that may have broken it closes it, and the next call opens a new one. Not
 * thread-safe: one poll uses a fetcher at a time.
 *
 * <p><b>Streaming.</b> The connection runs with autocommit off, and each query with the settings' fetch size: PgJDBC
 * then reads the result through a cursor, that many rows per round trip, and MariaDB Connector/J streams it from the
 * socket. No result set is ever held whole.
 *
 * <p><b>One moment per poll.</b> The connection reads in one REPEATABLE READ transaction until {@link #close}, which
 * a poll calls at its end: every query of the poll on this source sees the same snapshot of it (the first query's),
 * so a transaction committed while the poll reads its types shows whole in this poll or whole in the next, never a
 * child type's rows without their parent's. Closing the connection ends the transaction (nothing was written).
 *
 * <p><b>Describe</b> prepares the statement and reads its {@code ResultSetMetaData} without executing it: PgJDBC asks
 * the server to parse and describe the statement, MariaDB Connector/J sends {@code COM_STMT_PREPARE}. Both drivers
 * allow it, so no query ever runs to be described.
 *
 * <p><b>Failures.</b> Every {@link SQLException}, a connection lost mid-read and a query timeout
 * ({@code Statement.setQueryTimeout}, whole seconds rounded up) throw {@link FetchException}, transient or not as
 * {@link SqlFailures} says, with what the source refused; a column whose type has no Connect representation is a
 * non-transient one naming the column and its type, refusing {@link Refused#COLUMN_TYPE} of that column.
 * {@link #fetch} either hands over every row and returns, or throws.
 */
public final class JdbcFetcher implements SourceFetcher {

    private final JdbcSettings settings;
    private final JdbcDialect dialect;
    private Connection connection;

    /** @throws IllegalArgumentException when the URL's scheme is not one of {@link JdbcDialect#supportedSchemes} */
    public JdbcFetcher(JdbcSettings settings) {
        this.settings = settings;
        this.dialect = JdbcDialect.of(settings);
    }

    @Override
    public Map<String, Schema> describe(FetchQuery query) throws FetchException {
        String sql = sql(query);
        Connection open = connection();
        boolean described = false;
        try (PreparedStatement statement = open.prepareStatement(sql)) {
            ResultSetMetaData metadata = statement.getMetaData();
            if (metadata == null || metadata.getColumnCount() == 0) {
                throw new FetchException("JDBC source " + settings.source()
                        + ": the query returns no columns; it must be a SELECT", false, Refused.QUERY, null, null);
            }
            Map<String, Schema> schemas = new LinkedHashMap<>();
            for (JdbcColumn column : columns(metadata)) {
                schemas.put(column.name(), column.schema());
            }
            described = true;
            return schemas;
        } catch (SQLException e) {
            throw SqlFailures.of(settings.source(), "describing the query", e);
        } finally {
            if (!described) {
                discardConnection();
            }
        }
    }

    @Override
    public void fetch(FetchQuery query, Consumer<Map<String, Object>> rows) throws FetchException {
        String sql = sql(query);
        Connection open = connection();
        boolean complete = false;
        try (PreparedStatement statement = open.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(settings.fetchSize());
            statement.setQueryTimeout(settings.queryTimeoutSeconds());
            try (ResultSet result = statement.executeQuery()) {
                List<JdbcColumn> columns = columns(result.getMetaData());
                int capacity = columns.size() * 4 / 3 + 1; // no rehash while filling a row
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>(capacity);
                    for (int i = 0; i < columns.size(); i++) {
                        JdbcColumn column = columns.get(i);
                        row.put(column.name(), column.reader().read(result, i + 1));
                    }
                    rows.accept(row);
                }
            }
            complete = true;
        } catch (SQLException e) {
            throw SqlFailures.of(settings.source(), "reading the query", e);
        } finally {
            if (!complete) {
                discardConnection(); // mid-stream, a driver could only reuse it after reading the rest
            }
        }
    }

    @Override
    public void close() {
        discardConnection();
    }

    private List<JdbcColumn> columns(ResultSetMetaData metadata) throws SQLException, FetchException {
        List<JdbcColumn> columns = new ArrayList<>(metadata.getColumnCount());
        Set<String> labels = new HashSet<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            ColumnDescription description = new ColumnDescription(metadata.getColumnLabel(i),
                    metadata.getColumnTypeName(i), metadata.getPrecision(i), metadata.getScale(i),
                    metadata.getColumnType(i));
            if (!labels.add(description.label())) {
                throw new FetchException("JDBC source " + settings.source() + ": the query returns two columns named "
                        + description.label() + "; give one an alias", false, Refused.QUERY, null, null);
            }
            columns.add(dialect.columnTypes().column(description).orElseThrow(() -> new FetchException(
                    "JDBC source " + settings.source() + ": column " + description.label() + " has type "
                            + description.typeName() + ", which has no Connect representation here;"
                            + " cast it in the query (e.g. to text)", false, Refused.COLUMN_TYPE, description.label(),
                    null)));
        }
        return columns;
    }

    private Connection connection() throws FetchException {
        if (connection == null) {
            try {
                connection = dialect.connect(settings);
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            } catch (SQLException e) {
                discardConnection();
                throw SqlFailures.connecting(settings.source(), e);
            }
        }
        return connection;
    }

    private void discardConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the connection is being dropped because it failed or is done with: nothing more to learn from it
            } finally {
                connection = null;
            }
        }
    }

    private String sql(FetchQuery query) {
        if (query instanceof FetchQuery.Sql sql) {
            return sql.sql();
        }
        throw new IllegalArgumentException(
                "JDBC source " + settings.source() + " reads SQL queries, not LDAP searches");
    }
}
