package io.hermesconnect.transforms.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A configured mapping: the computed attributes, the dropped and renamed fields, and the key fields. */
public final class Mapping {

    private final List<Attribute> attributes;
    private final Map<String, Integer> attributeIndexes = new HashMap<>();
    private final Set<String> dropped;
    private final Map<String, String> renames;
    private final List<String> keyFields;

    /** @param keyFields the output fields making up a recomputed key; empty to keep the record's key */
    Mapping(List<Attribute> attributes, Set<String> dropped, Map<String, String> renames, List<String> keyFields) {
        this.attributes = List.copyOf(attributes);
        this.dropped = Set.copyOf(dropped);
        this.renames = Map.copyOf(renames);
        this.keyFields = List.copyOf(keyFields);
        for (int i = 0; i < attributes.size(); i++) {
            attributeIndexes.put(attributes.get(i).name(), i);
        }
    }

    List<Attribute> attributes() {
        return attributes;
    }

    /** The index of the attribute named {@code name}, or -1. */
    int attributeIndex(String name) {
        return attributeIndexes.getOrDefault(name, -1);
    }

    boolean isDropped(String field) {
        return dropped.contains(field);
    }

    /** The output name of an input field or attribute. */
    String renamed(String name) {
        return renames.getOrDefault(name, name);
    }

    List<String> keyFields() {
        return keyFields;
    }

    boolean recomputesKey() {
        return !keyFields.isEmpty();
    }
}
