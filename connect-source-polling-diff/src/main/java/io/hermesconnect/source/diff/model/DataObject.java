package io.hermesconnect.source.diff.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One object of a type: its primary key and its attributes, immutable. Values are normalized ({@link Values}) and
 * absent attributes are not held, so two objects are equal exactly when every attribute is present in both with
 * equal values.
 */
public final class DataObject {

    private final ObjectKey key;
    private final Map<String, Object> attributes;

    /** An object of the given key whose attributes are normalized here; absent ones are left out. */
    public DataObject(ObjectKey key, Map<String, ?> attributes) {
        this.key = Objects.requireNonNull(key, "key");
        this.attributes = Collections.unmodifiableMap(normalized(attributes));
    }

    /** Takes the map as it is (the parameters' order tells it from the public constructor). */
    private DataObject(Map<String, Object> normalAttributes, ObjectKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.attributes = Collections.unmodifiableMap(normalAttributes);
    }

    /**
     * An object whose attributes are normal already and all present, as decoded from the state or taken from other
     * objects: the map is taken as it is, not copied, so the caller must not keep it. Decoding a million stored objects
     * costs twice as much when each value is normalized and copied again.
     */
    public static DataObject ofNormal(ObjectKey key, Map<String, Object> normalAttributes) {
        return new DataObject(normalAttributes, key);
    }

    private static Map<String, Object> normalized(Map<String, ?> attributes) {
        Map<String, Object> normal = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            Object normalValue = Values.normalize(value);
            if (normalValue != null) {
                normal.put(name, normalValue);
            }
        });
        return normal;
    }

    /** The object's primary key. */
    public ObjectKey key() {
        return key;
    }

    /** The present attributes, read-only; this is also what templates see as {@code _SELF}. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The value of an attribute, or null when it is absent. */
    public Object get(String attribute) {
        return attributes.get(attribute);
    }

    /**
     * The same key with each attribute replaced by {@code convert(name, value)} (null leaves the attribute out);
     * how the state's form of an object is derived from the polled one.
     */
    public DataObject mapAttributes(BiFunction<String, Object, Object> convert) {
        Map<String, Object> converted = new LinkedHashMap<>();
        attributes.forEach((name, value) -> converted.put(name, convert.apply(name, value)));
        return new DataObject(key, converted);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataObject object && key.equals(object.key) && attributes.equals(object.attributes);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + attributes.hashCode();
    }

    /** The key only: attribute values may be secrets. */
    @Override
    public String toString() {
        return "DataObject" + key;
    }
}
