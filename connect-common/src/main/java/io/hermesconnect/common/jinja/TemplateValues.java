package io.hermesconnect.common.jinja;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;

/**
 * Connect values as template variables, as read-only views computed on access, so a template that reads
 * one field of a large row converts only that field:
 * <ul>
 *   <li>a {@link Struct} is a {@code Map} of its fields (in schema order), nested Structs are Maps too;
 *   <li>arrays are Lists and Connect maps are Maps, their elements converted the same way;
 *   <li>bytes ({@code byte[]} or {@link ByteBuffer}) are their base64 text (standard alphabet, padded), as
 *       Connect's JSON converter writes them: {@code value | b64decode} gives the bytes' UTF-8 text;
 *   <li>dates and times are ISO-8601 text in UTC: a Connect {@code Date} is {@code 2024-05-01}, a {@code Time}
 *       {@code 10:15:30.000}, a {@code Timestamp} (and any other {@code java.util.Date})
 *       {@code 2024-05-01T10:15:30.000Z}, fixed width so that they compare in time order; {@code java.time}
 *       values are their ISO-8601 {@code toString()};
 *   <li>a {@code Decimal} is a {@code BigDecimal}; strings, numbers, booleans and characters stay as they are;
 *   <li>Sets are Sets, so that {@code x in keys} is the set's own look-up (a hash look-up for a HashSet), not a
 *       scan; elements that convert to text (UUIDs, dates) are found by a scan, so key sets should hold plain
 *       values (strings, numbers);
 *   <li>other collections and object arrays are Lists;
 *   <li>any other object is its text ({@code toString()}): templates see data, never a Java object, whose
 *       getters something like {@code tojson} would otherwise call.
 * </ul>
 * So every value a template sees is a string, number, boolean, none, list, set or map, and prints the same way
 * whatever the template's shape ({@code ValuePrinter}).
 *
 * <p>Secret fields ({@code hermes.secret=true}) are readable like any other, so templates can hash
 * passwords; the engine never puts variable values into error messages.
 */
public final class TemplateValues {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TemplateValues() {
    }

    /** The fields of a Struct as a read-only Map view; null for null. */
    public static Map<String, Object> fromStruct(Struct struct) {
        return struct == null ? null : new StructMap(struct);
    }

    /** Any Connect value (Struct, List, Map, ByteBuffer, or a plain value) as a template value. */
    public static Object fromConnect(Object value) {
        return fromConnect(null, value);
    }

    /** A value whose schema, when known (not null), tells a Connect Date or Time from a Timestamp. */
    private static Object fromConnect(Schema schema, Object value) {
        if (value == null || isPlain(value)) {
            return value;
        }
        if (value instanceof Struct struct) {
            return new StructMap(struct);
        }
        if (value instanceof List<?> list) {
            return new ListView(list, schema == null ? null : schema.valueSchema());
        }
        if (value instanceof Set<?> set) {
            return new SetView(set);
        }
        if (value instanceof Collection<?> collection) {
            return new ListView(new ArrayList<>(collection), null);
        }
        if (value instanceof Object[] array) {
            return new ListView(Arrays.asList(array), null);
        }
        if (value instanceof Map<?, ?> map) {
            return schema == null ? new MapView(map, null, null) : new MapView(map, schema.keySchema(), schema.valueSchema());
        }
        if (value instanceof byte[] bytes) {
            return BASE64.encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return BASE64.encodeToString(bytes);
        }
        if (value instanceof java.util.Date date) {
            return isoText(schema, date);
        }
        return value.toString(); // java.time values and UUIDs: ISO-8601 and canonical text
    }

    private static String isoText(Schema schema, java.util.Date date) {
        String logicalType = schema == null ? null : schema.name();
        if (Date.LOGICAL_NAME.equals(logicalType)) {
            return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC).toString();
        }
        return (Time.LOGICAL_NAME.equals(logicalType) ? TIME : TIMESTAMP).format(date.toInstant());
    }

    private static boolean isPlain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Character;
    }

    private static final class StructMap extends AbstractMap<String, Object> {
        private final Struct struct;

        StructMap(Struct struct) {
            this.struct = struct;
        }

        @Override
        public Object get(Object key) {
            Field field = key instanceof String name ? struct.schema().field(name) : null;
            return field == null ? null : fromConnect(field.schema(), struct.get(field));
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && struct.schema().field(name) != null;
        }

        @Override
        public int size() {
            return struct.schema().fields().size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return entries(() -> struct.schema().fields().iterator(), size(),
                    field -> new SimpleImmutableEntry<>(field.name(), fromConnect(field.schema(), struct.get(field))));
        }
    }

    private static final class ListView extends AbstractList<Object> {
        private final List<?> list;
        private final Schema elementSchema;

        ListView(List<?> list, Schema elementSchema) {
            this.list = list;
            this.elementSchema = elementSchema;
        }

        @Override
        public Object get(int index) {
            return fromConnect(elementSchema, list.get(index));
        }

        @Override
        public int size() {
            return list.size();
        }
    }

    private static final class SetView extends AbstractSet<Object> {
        private final Set<?> set;

        SetView(Set<?> set) {
            this.set = set;
        }

        /**
         * The set's own look-up, when the element and the set's elements are plain values, which convert to
         * themselves (the first element stands for all, as in Jinjava's {@code in}); a scan of the converted
         * elements otherwise.
         */
        @Override
        public boolean contains(Object element) {
            if (element == null || isPlain(element)) {
                try {
                    if (set.contains(element)) {
                        return true;
                    }
                } catch (NullPointerException | ClassCastException notHeldThere) {
                    // sets that refuse null or a foreign type (Set.of, TreeSet) cannot hold it
                }
                if (set.isEmpty() || isPlain(set.iterator().next())) {
                    return false;
                }
            }
            return super.contains(element);
        }

        @Override
        public Iterator<Object> iterator() {
            return converting(set.iterator(), TemplateValues::fromConnect);
        }

        @Override
        public int size() {
            return set.size();
        }
    }

    private static final class MapView extends AbstractMap<Object, Object> {
        private final Map<?, ?> map;
        private final Schema keySchema;
        private final Schema valueSchema;

        MapView(Map<?, ?> map, Schema keySchema, Schema valueSchema) {
            this.map = map;
            this.keySchema = keySchema;
            this.valueSchema = valueSchema;
        }

        @Override
        public Object get(Object key) {
            return fromConnect(valueSchema, map.get(key));
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return entries(() -> map.entrySet().iterator(), size(),
                    entry -> new SimpleImmutableEntry<>(fromConnect(keySchema, entry.getKey()), fromConnect(valueSchema, entry.getValue())));
        }
    }

    /** A read-only entry set computed from {@code source} on iteration. */
    private static <T, K> Set<Map.Entry<K, Object>> entries(Supplier<Iterator<T>> source, int size,
                                                             Function<T, Map.Entry<K, Object>> toEntry) {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, Object>> iterator() {
                return converting(source.get(), toEntry);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The items of {@code source}, each converted on access. */
    private static <T, R> Iterator<R> converting(Iterator<T> source, Function<T, R> convert) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public R next() {
                return convert.apply(source.next());
            }
        };
    }
}
