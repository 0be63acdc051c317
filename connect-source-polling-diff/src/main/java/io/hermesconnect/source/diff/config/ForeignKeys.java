package io.hermesconnect.source.diff.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The foreign keys between types ({@code types.<T>.foreign.keys.<attr>=<Parent>.<attr>}): each must name a declared
 * type and one of its primary key attributes, from an attribute the declaring type maps, and no chain of them may come
 * back to where it started.
 */
final class ForeignKeys {

    private ForeignKeys() {
    }

    /**
     * The foreign keys a type declares.
     *
     * @param references attribute to {@code <Parent>.<attr>}, as written
     */
    static List<ForeignKey> declared(String type, Map<String, String> references, ConfigErrors errors) {
        List<ForeignKey> keys = new ArrayList<>();
        references.forEach((attribute, reference) -> {
            String text = reference == null ? "" : reference.strip();
            int dot = text.indexOf('.');
            if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
                errors.add(key(type, attribute), "A foreign key is written <Type>.<attribute>, e.g. Users.uid");
            } else {
                keys.add(new ForeignKey(attribute, text.substring(0, dot), text.substring(dot + 1)));
            }
        });
        return keys;
    }

    /**
     * Checks the foreign keys of the types that parsed; reports each problem on its key, and each cycle once.
     *
     * @param declaredTypes every type listed in {@code types}: a reference to one that did not parse is not checked
     */
    static void check(List<TypePlan> types, List<String> declaredTypes, ConfigErrors errors) {
        Map<String, TypePlan> byName = new LinkedHashMap<>();
        types.forEach(type -> byName.put(type.name(), type));
        for (TypePlan type : types) {
            Set<String> mapped = new TreeSet<>();
            type.sources().forEach(source -> mapped.addAll(source.mapping().attributeNames()));
            for (ForeignKey foreignKey : type.foreignKeys()) {
                String key = key(type.name(), foreignKey.attribute());
                TypePlan parent = byName.get(foreignKey.parentType());
                if (!mapped.contains(foreignKey.attribute())) {
                    errors.add(key, "'" + foreignKey.attribute() + "' is not mapped by any source of " + type.name());
                } else if (parent == null && !declaredTypes.contains(foreignKey.parentType())) {
                    errors.add(key, "'" + foreignKey.parentType() + "' is not a type listed in " + PollingDiffConfig.TYPES
                            + " (listed: " + String.join(", ", byName.keySet()) + ")");
                } else if (parent != null && !parent.type().primaryKey().contains(foreignKey.parentAttribute())) {
                    errors.add(key, "'" + foreignKey.parentAttribute() + "' is not a primary key attribute of "
                            + parent.name() + " (its key: " + String.join(", ", parent.type().primaryKey()) + ")");
                }
            }
        }
        reportCycles(types, byName, errors);
    }

    /** A depth-first walk along the references; a reference back to a type on the current path closes a cycle. */
    private static void reportCycles(List<TypePlan> types, Map<String, TypePlan> byName, ConfigErrors errors) {
        Set<String> finished = new HashSet<>();
        for (TypePlan type : types) {
            visit(type, new ArrayList<>(), new ArrayList<>(), byName, finished, errors);
        }
    }

    /**
     * @param pathTypes the types on the path to {@code type}
     * @param pathKeys  the foreign keys followed: the i-th leads from {@code pathTypes[i]} to the next type
     */
    private static void visit(TypePlan type, List<String> pathTypes, List<ForeignKey> pathKeys, Map<String, TypePlan> byName,
                              Set<String> finished, ConfigErrors errors) {
        if (finished.contains(type.name())) {
            return;
        }
        int start = pathTypes.indexOf(type.name());
        if (start >= 0) {
            List<String> steps = new ArrayList<>();
            for (int i = start; i < pathKeys.size(); i++) {
                steps.add(pathTypes.get(i) + "." + pathKeys.get(i).attribute() + " -> " + pathKeys.get(i).reference());
            }
            errors.add(key(pathTypes.get(start), pathKeys.get(start).attribute()), "The foreign keys form a cycle: "
                    + String.join(", ", steps) + "; objects of a cycle could never be created one before the other");
            return;
        }
        pathTypes.add(type.name());
        for (ForeignKey foreignKey : type.foreignKeys()) {
            TypePlan parent = byName.get(foreignKey.parentType());
            if (parent != null) {
                pathKeys.add(foreignKey);
                visit(parent, pathTypes, pathKeys, byName, finished, errors);
                pathKeys.remove(pathKeys.size() - 1);
            }
        }
        pathTypes.remove(pathTypes.size() - 1);
        finished.add(type.name());
    }

    private static String key(String type, String attribute) {
        return TypeConfigs.typePrefix(type) + TypeConfigs.FOREIGN_KEYS + attribute;
    }
}
