package io.hermesconnect.source.diff.fetch.jdbc;

import io.hermesconnect.common.event.PostgresInfinity;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.postgresql.PGStatement;

/**
 * Dates and times as read through {@code java.time} to the {@code java.util.Date} values of Connect's Date, Time and
 * Timestamp, exactly as the WAL source gives them: the proleptic Gregorian calendar, milliseconds truncated towards the
 * past, a timestamp without zone read as UTC, a time with zone as the same instant's UTC time of day, and PostgreSQL's
 * infinities (which PgJDBC reads as the {@code MAX} / {@code MIN} of each class) as {@link PostgresInfinity}'s dates
 * and PgJDBC's {@link PGStatement#DATE_POSITIVE_INFINITY} timestamps. Null stays null.
 */
final class TemporalValues {

    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long NANOS_PER_DAY = MILLIS_PER_DAY * NANOS_PER_MILLI;

    private TemporalValues() {
    }

    static Date date(LocalDate date) {
        if (date == null) {
            return null;
        }
        if (date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)) {
            return new Date(date.equals(LocalDate.MAX)
                    ? PostgresInfinity.DATE_POSITIVE_MILLIS : PostgresInfinity.DATE_NEGATIVE_MILLIS);
        }
        return new Date(date.toEpochDay() * MILLIS_PER_DAY);
    }

    /** A wall-clock timestamp, read as UTC. */
    static Date timestamp(LocalDateTime timestamp) {
        if (timestamp == null) {
            return null;
        }
        if (timestamp.equals(LocalDateTime.MAX) || timestamp.equals(LocalDateTime.MIN)) {
            return timestampInfinity(timestamp.equals(LocalDateTime.MAX));
        }
        return new Date(timestamp.toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    static Date timestamp(OffsetDateTime timestamp) {
        if (timestamp == null) {
            return null;
        }
        if (timestamp.equals(OffsetDateTime.MAX) || timestamp.equals(OffsetDateTime.MIN)) {
            return timestampInfinity(timestamp.equals(OffsetDateTime.MAX));
        }
        return new Date(timestamp.toInstant().toEpochMilli());
    }

    /** A time of day; PgJDBC reads PostgreSQL's {@code 24:00:00} as {@link LocalTime#MAX}, which stays 24:00. */
    static Date time(LocalTime time) {
        if (time == null) {
            return null;
        }
        return new Date(time.equals(LocalTime.MAX) ? MILLIS_PER_DAY : time.toNanoOfDay() / NANOS_PER_MILLI);
    }

    /** The same instant's time of day in UTC. */
    static Date time(OffsetTime time) {
        if (time == null) {
            return null;
        }
        long nanos = time.toLocalTime().toNanoOfDay() - time.getOffset().getTotalSeconds() * 1_000_000_000L;
        return new Date(Math.floorMod(nanos, NANOS_PER_DAY) / NANOS_PER_MILLI);
    }

    /**
     * A MariaDB TIME, which is a duration from -838:59:59 to 838:59:59, as a time of day.
     *
     * @throws UnrepresentableValueException when it lies outside 00:00:00 to 24:00:00
     */
    static Date time(Duration time, String column) throws UnrepresentableValueException {
        if (time == null) {
            return null;
        }
        if (time.isNegative() || time.toNanos() > NANOS_PER_DAY) {
            throw new UnrepresentableValueException("column " + column + " holds a TIME outside 00:00:00 to 24:00:00,"
                    + " which a Connect Time cannot hold; convert it in the query (e.g. TIME_TO_SEC)");
        }
        return new Date(time.toMillis());
    }

    private static Date timestampInfinity(boolean positive) {
        return new Date(positive ? PGStatement.DATE_POSITIVE_INFINITY : PGStatement.DATE_NEGATIVE_INFINITY);
    }
}
