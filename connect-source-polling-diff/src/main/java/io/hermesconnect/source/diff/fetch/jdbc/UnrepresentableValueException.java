package io.hermesconnect.source.diff.fetch.jdbc;

import java.sql.SQLDataException;

/**
 * A value the driver read but its column's Connect type cannot hold (a MariaDB TIME beyond a day). Our own message,
 * which names the column and never the value, so unlike a driver's data exception it may be shown.
 */
final class UnrepresentableValueException extends SQLDataException {

    /** SQLSTATE 22008: datetime field overflow. */
    private static final String SQL_STATE = "22008";

    UnrepresentableValueException(String message) {
        super(message, SQL_STATE);
    }
}
