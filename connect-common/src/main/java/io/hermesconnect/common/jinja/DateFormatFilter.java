package io.hermesconnect.common.jinja;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * {@code value | date_format(pattern[, zone])}: a date or time as text, with a
 * {@link DateTimeFormatter} pattern (e.g. {@code 'yyyy-MM-dd'}, or {@code "yyyyMMddHHmmss'Z'"} for LDAP's
 * generalized time) in a time zone ({@code 'UTC'} unless given, e.g. {@code 'Europe/Paris'}); month and
 * day names are English.
 *
 * <p>Accepts ISO-8601 strings, which is how templates see Connect's Date, Time and Timestamp values
 * ({@code 2024-05-01}, {@code 10:15:30.000}, {@code 2024-05-01T08:15:30.000Z}; also {@code 2024-05-01T10:15:30}
 * and {@code 2024-05-01T10:15:30+02:00}), epoch milliseconds, {@code java.util.Date} and {@code java.time} values.
 * Local values without a zone are taken as being in the given zone; a time of day is formatted as it is.
 * None gives none.
 */
final class DateFormatFilter extends OwnFilter {

    private final LruCache<String, DateTimeFormatter> formatters = new LruCache<>(64);

    DateFormatFilter() {
        super("date_format");
    }

    @Override
    Object apply(Object value, Object[] args, Map<String, Object> kwargs) {
        DateTimeFormatter formatter = formatter(requiredString(args, kwargs, 0, "pattern"));
        ZoneId zone = zone(argument(args, kwargs, 1, "zone"));
        if (value == null) {
            return null;
        }
        try {
            return formatter.format(temporal(value, zone));
        } catch (DateTimeException e) {
            throw problem("the pattern asks for fields the value does not have (" + e.getClass().getSimpleName() + ")");
        }
    }

    private TemporalAccessor temporal(Object value, ZoneId zone) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone);
        }
        if (value instanceof Number epochMillis) {
            return Instant.ofEpochMilli(epochMillis.longValue()).atZone(zone);
        }
        if (value instanceof CharSequence text) {
            return parseIso(text.toString(), zone);
        }
        if (value instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.withZoneSameInstant(zone);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.atZoneSameInstant(zone);
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.atZone(zone);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(zone);
        }
        if (value instanceof TemporalAccessor temporal) {
            return temporal;
        }
        throw problem("expects a date, a time, epoch milliseconds or an ISO-8601 string");
    }

    /** ISO-8601 text as templates see Connect's Date, Time and Timestamp values, and its other forms. */
    private TemporalAccessor parseIso(String text, ZoneId zone) {
        try {
            if (text.length() <= 10 && text.indexOf(':') < 0) {
                return LocalDate.parse(text).atStartOfDay(zone);
            }
            if (text.indexOf('-') < 0) {
                return LocalTime.parse(text); // a time of day has no date and no zone to convert to
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime dateTime ? dateTime.withZoneSameInstant(zone) : ((LocalDateTime) parsed).atZone(zone);
        } catch (DateTimeParseException e) {
            throw problem("the text is not an ISO-8601 date or date-time");
        }
    }

    private DateTimeFormatter formatter(String pattern) {
        try {
            return formatters.get(pattern, p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH));
        } catch (IllegalArgumentException e) {
            // the pattern may come from a variable, and the formatter's message quotes it
            throw problem("invalid pattern");
        }
    }

    private ZoneId zone(Object zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.toString());
        } catch (DateTimeException e) {
            throw problem("unknown time zone");
        }
    }
}
