/**
 * JDBC sources of the polling-diff connector: {@link io.hermesconnect.source.diff.fetch.jdbc.JdbcFetcher} streams a
 * query's rows from PostgreSQL or MariaDB ({@link io.hermesconnect.source.diff.fetch.jdbc.JdbcDialect}) as Connect
 * values, in the representations the WAL source uses; {@link io.hermesconnect.source.diff.fetch.jdbc.JdbcWriteBack}
 * runs write-back statements in one transaction. The type tables are in the module's guide, section "JDBC sources".
 */
package io.hermesconnect.source.diff.fetch.jdbc;
