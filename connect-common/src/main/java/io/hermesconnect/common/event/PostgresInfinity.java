package io.hermesconnect.common.event;

/**
 * The Connect Date values that stand for PostgreSQL's {@code infinity} and {@code -infinity} dates: epoch day
 * {@link Integer#MAX_VALUE} / {@link Integer#MIN_VALUE}, outside PostgreSQL's finite range. Timestamps use PgJDBC's
 * own {@code PGStatement.DATE_POSITIVE_INFINITY} / {@code DATE_NEGATIVE_INFINITY}. One definition for every source
 * that reads PostgreSQL, so an infinite date reaches Kafka with one value whichever source read it.
 */
public final class PostgresInfinity {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** {@code date 'infinity'} in milliseconds since the epoch. */
    public static final long DATE_POSITIVE_MILLIS = Integer.MAX_VALUE * MILLIS_PER_DAY;
    /** {@code date '-infinity'} in milliseconds since the epoch. */
    public static final long DATE_NEGATIVE_MILLIS = Integer.MIN_VALUE * MILLIS_PER_DAY;

    private PostgresInfinity() {
    }
}
