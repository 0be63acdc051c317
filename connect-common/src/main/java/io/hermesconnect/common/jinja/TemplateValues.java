package io.hermesconnect.common.jinja;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Connect values as template variables, as read-only views computed on access, so a template that reads
 * one field of a large row converts only that field:
 * <ul>
 *   <li>a {@link Struct} is a {@code Map} of its fields (in schema order), nested Structs are Maps too;
 *   <li>arrays are Lists and Connect maps are Maps, their elements converted the same way;
 *   <li>bytes ({@code byte[]} or {@link ByteBuffer}) are {@code byte[]}: {@code value | b64encode} prints them;
 *   <li>logical types keep their Java values: {@code java.util.Date} for Date, Time and Timestamp,
 *       {@code BigDecimal} for Decimal; strings, numbers, booleans and {@code java.time} values stay as they are;
 *   <li>other collections and object arrays are Lists;
 *   <li>any other object is its text ({@code toString()}): templates see data, never a Java object, whose
 *       getters something like {@code tojson} would otherwise call.
 * </ul>
 * Secret fields ({@code hermes.secret=true}) are readable like any other, so templates can hash
 * passwords; the engine never puts variable values into error messages.
 */
public final class TemplateValues {

    private TemplateValues() {
    }

    /** The fields of a Struct as a read-only Map view; null for null. */
    public static Map<String, Object> fromStruct(Struct struct) {
        return struct == null ? null : new StructMap(struct);
    }

    /** Any Connect value (Struct, List, Map, ByteBuffer, or a plain value) as a template value. */
    public static Object fromConnect(Object value) {
        if (value == null || isPlain(value)) {
            return value;
        }
        if (value instanceof Struct struct) {
            return new StructMap(struct);
        }
        if (value instanceof List<?> list) {
            return new ListView(list);
        }
        if (value instanceof Collection<?> collection) {
            return new ListView(new ArrayList<>(collection));
        }
        if (value instanceof Object[] array) {
            return new ListView(Arrays.asList(array));
        }
        if (value instanceof Map<?, ?> map) {
            return new MapView(map);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return value.toString();
    }

    private static boolean isPlain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof byte[] || value instanceof Date || value instanceof UUID
                || value.getClass().getPackageName().equals("java.time");
    }

    private static final class StructMap extends AbstractMap<String, Object> {
        private final Struct struct;

        StructMap(Struct struct) {
            this.struct = struct;
        }

        @Override
        public Object get(Object key) {
            Field field = key instanceof String name ? struct.schema().field(name) : null;
            return field == null ? null : fromConnect(struct.get(field));
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
                    field -> new SimpleImmutableEntry<>(field.name(), fromConnect(struct.get(field))));
        }
    }

    private static final class ListView extends AbstractList<Object> {
        private final List<?> list;

        ListView(List<?> list) {
            this.list = list;
        }

        @Override
        public Object get(int index) {
            return fromConnect(list.get(index));
        }

        @Override
        public int size() {
            return list.size();
        }
    }

    private static final class MapView extends AbstractMap<Object, Object> {
        private final Map<?, ?> map;

        MapView(Map<?, ?> map) {
            this.map = map;
        }

        @Override
        public Object get(Object key) {
            return fromConnect(map.get(key));
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
                    entry -> new SimpleImmutableEntry<>(fromConnect(entry.getKey()), fromConnect(entry.getValue())));
        }
    }

    /** A read-only entry set computed from {@code source} on iteration. */
    private static <T, K> Set<Map.Entry<K, Object>> entries(Supplier<Iterator<T>> source, int size,
                                                             Function<T, Map.Entry<K, Object>> toEntry) {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, Object>> iterator() {
                Iterator<T> items = source.get();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return items.hasNext();
                    }

                    @Override
                    public Map.Entry<K, Object> next() {
                        return toEntry.apply(items.next());
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
