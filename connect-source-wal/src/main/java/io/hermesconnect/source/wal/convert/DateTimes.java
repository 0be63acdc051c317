package io.hermesconnect.source.wal.convert;

import io.hermesconnect.common.event.PostgresInfinity;
import java.util.Date;
import org.postgresql.PGStatement;

/**
 * Dates and times in PostgreSQL's ISO output ({@code DateStyle=ISO}, which PgJDBC sets on every
 * connection, replication ones included) to the {@code java.util.Date} values of Connect's logical
 * types. Parsed from the bytes, with the proleptic Gregorian calendar PostgreSQL uses (BC years too).
 *
 * <p>Precision: Connect's Time and Timestamp hold milliseconds, so microseconds are truncated (towards
 * the past). Infinity never throws; it is clamped to values outside PostgreSQL's finite range:
 * dates to {@link PostgresInfinity}'s values, timestamps to PgJDBC's
 * {@link PGStatement#DATE_POSITIVE_INFINITY} / {@link PGStatement#DATE_NEGATIVE_INFINITY}.
 */
final class DateTimes {

    static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private DateTimes() {
    }

    /** {@code 2024-02-29}, {@code 0044-03-15 BC}, {@code infinity}. */
    static Date date(byte[] b, int off, int len) {
        int infinity = infinity(b, off, len);
        if (infinity != 0) {
            return new Date(infinity > 0
                    ? PostgresInfinity.DATE_POSITIVE_MILLIS : PostgresInfinity.DATE_NEGATIVE_MILLIS);
        }
        Cursor c = new Cursor(b, off, len);
        c.date();
        c.era();
        return new Date(c.epochDay() * MILLIS_PER_DAY);
    }

    /** {@code 13:45:00.123456} (24:00:00 included) as time of day. */
    static Date time(byte[] b, int off, int len) {
        Cursor c = new Cursor(b, off, len);
        long micros = c.time();
        c.done();
        return new Date(Math.floorDiv(micros, 1000));
    }

    /** {@code 13:45:00+02} as the same instant's UTC time of day. */
    static Date timeTz(byte[] b, int off, int len) {
        Cursor c = new Cursor(b, off, len);
        long micros = c.time() - c.offsetSeconds() * 1_000_000L;
        c.done();
        return new Date(Math.floorDiv(Math.floorMod(micros, MICROS_PER_DAY), 1000));
    }

    /**
     * {@code 2024-01-02 03:04:05.123456}, with an offset ({@code +01}, {@code -03:30}, {@code +00:53:28})
     * for timestamptz, optionally followed by {@code BC}. A timestamp without time zone is read as UTC.
     */
    static Date timestamp(byte[] b, int off, int len) {
        int infinity = infinity(b, off, len);
        if (infinity != 0) {
            return new Date(infinity > 0 ? PGStatement.DATE_POSITIVE_INFINITY : PGStatement.DATE_NEGATIVE_INFINITY);
        }
        Cursor c = new Cursor(b, off, len);
        c.date();
        c.expect(' ');
        long micros = c.time() - c.offsetSeconds() * 1_000_000L;
        c.era();
        // in milliseconds: microseconds since 1970 overflow a long near PostgreSQL's maximum year, 294276
        return new Date(c.epochDay() * MILLIS_PER_DAY + Math.floorDiv(micros, 1000));
    }

    /** 1 for {@code infinity}, -1 for {@code -infinity}, else 0. */
    private static int infinity(byte[] b, int off, int len) {
        if (b[off] == 'i') {
            return 1;
        }
        return len > 1 && b[off] == '-' && b[off + 1] == 'i' ? -1 : 0;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (year 0 = 1 BC); allocation-free. */
    static long epochDay(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** A read position in one value, and the date read so far. */
    private static final class Cursor {
        private final byte[] b;
        private final int end;
        private int i;
        private long year;
        private int month;
        private int day;

        Cursor(byte[] b, int off, int len) {
            this.b = b;
            this.i = off;
            this.end = off + len;
        }

        void date() {
            year = digits(Integer.MAX_VALUE);
            expect('-');
            month = (int) digits(2);
            expect('-');
            day = (int) digits(2);
        }

        long epochDay() {
            return DateTimes.epochDay(year, month, day);
        }

        /** Time of day in microseconds. */
        long time() {
            long hours = digits(2);
            expect(':');
            long minutes = digits(2);
            expect(':');
            long seconds = digits(2);
            long micros = 0;
            if (i < end && b[i] == '.') {
                i++;
                int start = i;
                micros = digits(6);
                for (int n = i - start; n < 6; n++) {
                    micros *= 10;
                }
                while (i < end && b[i] >= '0' && b[i] <= '9') {
                    i++; // more than 6 fraction digits never come from the server; ignore them
                }
            }
            return ((hours * 60 + minutes) * 60 + seconds) * 1_000_000L + micros;
        }

        /** A UTC offset {@code ±HH[:MM[:SS]]} if one follows, else 0. */
        long offsetSeconds() {
            if (i >= end || (b[i] != '+' && b[i] != '-')) {
                return 0;
            }
            int sign = b[i++] == '-' ? -1 : 1;
            long seconds = digits(2) * 3600;
            if (i < end && b[i] == ':') {
                i++;
                seconds += digits(2) * 60;
                if (i < end && b[i] == ':') {
                    i++;
                    seconds += digits(2);
                }
            }
            return sign * seconds;
        }

        /** The value's end: an optional {@code BC} (which comes after the time and offset) and nothing more. */
        void era() {
            if (i + 3 == end && b[i] == ' ' && b[i + 1] == 'B' && b[i + 2] == 'C') {
                i = end;
                year = 1 - year; // 1 BC is year 0 of the proleptic calendar
            }
            done();
        }

        void done() {
            if (i != end) {
                throw new IllegalArgumentException("unexpected text at position " + i);
            }
        }

        void expect(char c) {
            if (i >= end || b[i] != c) {
                throw new IllegalArgumentException("expected '" + c + "' at position " + i);
            }
            i++;
        }

        private long digits(int max) {
            int start = i;
            long v = 0;
            while (i < end && i - start < max && b[i] >= '0' && b[i] <= '9') {
                v = v * 10 + (b[i++] - '0');
            }
            if (i == start) {
                throw new IllegalArgumentException("expected a digit at position " + i);
            }
            return v;
        }
    }
}
