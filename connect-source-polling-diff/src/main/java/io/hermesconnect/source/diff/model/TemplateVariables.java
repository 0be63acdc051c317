package io.hermesconnect.source.diff.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables that merge and integrity constraints see: {@code _SELF} (the object being tested), {@code <Name>_pkeys}
 * (the keys of a type or source, a hashed set so that {@code x in Users_pkeys} is one look-up) and {@code <Name>} (its
 * objects' attributes, a list).
 */
public final class TemplateVariables {

    /** The variable holding the object under test. */
    public static final String SELF = "_SELF";

    private TemplateVariables() {
    }

    /** The name of the key set of a type or source: {@code Users_pkeys}. */
    public static String keysName(String name) {
        return name + "_pkeys";
    }

    /** The keys as templates see them ({@link ObjectType#keyVariable}), in a hashed set. */
    public static Set<Object> keySet(ObjectType type, Collection<ObjectKey> keys) {
        Set<Object> set = new HashSet<>(keys.size() * 2);
        for (ObjectKey key : keys) {
            set.add(type.keyVariable(key));
        }
        return set;
    }

    /** The objects' attribute maps, as a list. */
    public static List<Map<String, Object>> attributeMaps(Collection<DataObject> objects) {
        List<Map<String, Object>> maps = new ArrayList<>(objects.size());
        for (DataObject object : objects) {
            maps.add(object.attributes());
        }
        return maps;
    }
}
