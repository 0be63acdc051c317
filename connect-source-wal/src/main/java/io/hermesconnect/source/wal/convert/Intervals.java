package io.hermesconnect.source.wal.convert;

/**
 * Intervals to exact ISO-8601 durations, written as PostgreSQL's own {@code IntervalStyle=iso_8601}
 * does: months, days and time stay separate, because a month is not a fixed number of days.
 *
 * <p>Reads the default {@code postgres} style ({@code -1 years -2 mons +3 days -04:05:06.5}) and
 * passes {@code iso_8601} output and PostgreSQL 17's {@code infinity}/{@code -infinity} through.
 * The {@code sql_standard} and {@code postgres_verbose} styles are passed through as the server's text.
 */
final class Intervals {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    private Intervals() {
    }

    static String toIso(byte[] b, int off, int len) {
        if (len == 0 || b[off] == 'P' || b[off] == 'i' || b[off] == '-' && len > 1 && b[off + 1] == 'i') {
            return TextNumbers.ascii(b, off, len);
        }
        long months = 0;
        long days = 0;
        long micros = 0;
        int end = off + len;
        int i = off;
        while (i < end) {
            boolean negative = b[i] == '-';
            if (negative || b[i] == '+') {
                i++;
            }
            int start = i;
            long n = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                n = n * 10 + (b[i++] - '0');
            }
            if (i == start || i == end) {
                return TextNumbers.ascii(b, off, len);
            }
            if (b[i] == ':') {
                int timeEnd = i;
                while (timeEnd < end && b[timeEnd] != ' ') {
                    timeEnd++;
                }
                long time = n * MICROS_PER_HOUR + minutesAndSeconds(b, i + 1, timeEnd);
                micros += negative ? -time : time;
                i = timeEnd;
            } else {
                if (b[i] != ' ') {
                    return TextNumbers.ascii(b, off, len);
                }
                int unit = ++i;
                while (i < end && b[i] != ' ') {
                    i++;
                }
                long signed = negative ? -n : n;
                switch (TextNumbers.ascii(b, unit, i - unit)) {
                    case "year", "years" -> months += signed * 12;
                    case "mon", "mons" -> months += signed;
                    case "day", "days" -> days += signed;
                    default -> {
                        return TextNumbers.ascii(b, off, len);
                    }
                }
            }
            while (i < end && b[i] == ' ') {
                i++;
            }
        }
        return format(months, days, micros);
    }

    /** {@code MM:SS[.ffffff]} in microseconds. */
    private static long minutesAndSeconds(byte[] b, int from, int to) {
        int colon = from;
        while (colon < to && b[colon] != ':') {
            colon++;
        }
        long minutes = TextNumbers.parseLong(b, from, colon - from);
        int dot = colon + 1;
        while (dot < to && b[dot] != '.') {
            dot++;
        }
        long seconds = TextNumbers.parseLong(b, colon + 1, dot - colon - 1);
        long fraction = 0;
        if (dot < to) {
            int digits = to - dot - 1;
            fraction = TextNumbers.parseLong(b, dot + 1, digits);
            for (int n = digits; n < 6; n++) {
                fraction *= 10;
            }
        }
        return minutes * MICROS_PER_MINUTE + seconds * MICROS_PER_SECOND + fraction;
    }

    /** PostgreSQL's iso_8601 rendering: zero parts left out, each part carrying its own sign. */
    static String format(long months, long days, long micros) {
        if (months == 0 && days == 0 && micros == 0) {
            return "PT0S";
        }
        StringBuilder out = new StringBuilder(24).append('P');
        appendPart(out, months / 12, 'Y');
        appendPart(out, months % 12, 'M');
        appendPart(out, days, 'D');
        if (micros != 0) {
            out.append('T');
            appendPart(out, micros / MICROS_PER_HOUR, 'H');
            appendPart(out, micros % MICROS_PER_HOUR / MICROS_PER_MINUTE, 'M');
            long secondMicros = micros % MICROS_PER_MINUTE;
            if (secondMicros != 0) {
                long abs = Math.abs(secondMicros);
                if (secondMicros < 0) {
                    out.append('-');
                }
                out.append(abs / MICROS_PER_SECOND);
                long fraction = abs % MICROS_PER_SECOND;
                if (fraction != 0) {
                    String digits = Long.toString(fraction + MICROS_PER_SECOND).substring(1);
                    int last = digits.length();
                    while (digits.charAt(last - 1) == '0') {
                        last--;
                    }
                    out.append('.').append(digits, 0, last);
                }
                out.append('S');
            }
        }
        return out.toString();
    }

    private static void appendPart(StringBuilder out, long value, char unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
    }
}
