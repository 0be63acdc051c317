package io.hermesconnect.source.diff.fetch;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.Schema;

/**
 * One configured source ({@code sources.<S>.*}): a JDBC database or an LDAP directory, read by queries. A fetcher owns
 * its connection; the poll opens it, reads every query of the poll, and closes it.
 *
 * <p>All or nothing: {@link #fetch} either hands over every row of the query and returns, or throws. A connection lost
 * halfway, a timeout, a server error: all throw {@link FetchException}, and the poll that asked emits nothing.
 */
public interface SourceFetcher extends AutoCloseable {

    /**
     * The columns (JDBC) or attributes (LDAP) the query returns, by name in the source's order, each with the Connect
     * schema its values get (always optional: any value may be absent). Reads no rows: for validation and task start.
     *
     * @throws FetchException when the source cannot be reached, refuses the credentials or rejects the query, or a
     *                        column has a type we cannot represent (the message names the column)
     */
    Map<String, Schema> describe(FetchQuery query) throws FetchException;

    /**
     * Reads every row of the query, handing each to {@code rows} as a map of column (attribute) name to value; absent
     * values are null or left out. Values are the Java values of the schema {@link #describe} gives the column.
     *
     * @throws FetchException when anything fails before the last row was handed over
     */
    void fetch(FetchQuery query, Consumer<Map<String, Object>> rows) throws FetchException;

    /** Closes the connection; never throws. */
    @Override
    void close();
}
