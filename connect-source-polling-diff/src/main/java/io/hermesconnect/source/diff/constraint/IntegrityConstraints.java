package io.hermesconnect.source.diff.constraint;

import io.hermesconnect.source.diff.merge.MergedType;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.model.TemplateVariables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Applies the integrity constraints of every type, across types, until nothing more is filtered: e.g. a membership
 * whose user was filtered out fails {@code _SELF.user_id in Users_pkeys} in the next round.
 *
 * <p>Each round builds every type's key set ({@code <Type>_pkeys}, hashed) and object list ({@code <Type>}) once, then
 * renders each constraint once per object: a round is linear in the number of objects, and a membership test is one
 * hash look-up (for one-attribute keys; a tuple key is a list, which the template engine looks up by a scan). The
 * number of rounds is bounded by the longest chain of types whose constraints depend on one another. Kept objects
 * ({@link PolledObject#kept}) are tested too, on what templates see of them: no secret nor local attribute.
 */
public final class IntegrityConstraints {

    private final Map<String, List<NamedTemplate>> constraintsByType;
    private final UnaryOperator<Set<Object>> keySetView;

    /** @param constraintsByType each type's boolean templates, by type name; a type without any may be left out */
    public IntegrityConstraints(Map<String, List<NamedTemplate>> constraintsByType) {
        this(constraintsByType, UnaryOperator.identity());
    }

    // visible for testing: keySetView wraps each key set built, to count its reads
    IntegrityConstraints(Map<String, List<NamedTemplate>> constraintsByType, UnaryOperator<Set<Object>> keySetView) {
        this.constraintsByType = Map.copyOf(constraintsByType);
        this.keySetView = keySetView;
    }

    /**
     * Filters the merged types.
     *
     * @param types every type of the poll, in declared order
     * @return the objects that pass, and the count filtered per type
     * @throws io.hermesconnect.source.diff.model.PollAbortedException when a constraint fails or gives no boolean
     */
    public IntegrityResult apply(List<MergedType> types) {
        Map<String, Map<ObjectKey, PolledObject>> objects = new LinkedHashMap<>();
        Map<String, Integer> filtered = new LinkedHashMap<>();
        for (MergedType type : types) {
            objects.put(type.type().name(), new LinkedHashMap<>(type.objects()));
            filtered.put(type.type().name(), 0);
        }
        if (constraintsByType.values().stream().allMatch(List::isEmpty)) {
            return new IntegrityResult(objects, filtered, 0);
        }
        int rounds = 0;
        boolean changed = true;
        while (changed) {
            rounds++;
            Map<String, Object> variables = roundVariables(types, objects);
            Map<String, List<ObjectKey>> failing = new LinkedHashMap<>();
            for (MergedType type : types) {
                failing.put(type.type().name(), failing(type.type(), objects.get(type.type().name()).values(), variables));
            }
            changed = false;
            for (Map.Entry<String, List<ObjectKey>> failed : failing.entrySet()) {
                failed.getValue().forEach(objects.get(failed.getKey())::remove);
                filtered.merge(failed.getKey(), failed.getValue().size(), Integer::sum);
                changed |= !failed.getValue().isEmpty();
            }
        }
        return new IntegrityResult(objects, filtered, rounds);
    }

    private Map<String, Object> roundVariables(List<MergedType> types, Map<String, Map<ObjectKey, PolledObject>> objects) {
        Map<String, Object> variables = new HashMap<>();
        for (MergedType type : types) {
            String name = type.type().name();
            Map<ObjectKey, PolledObject> live = objects.get(name);
            variables.put(TemplateVariables.keysName(name), keySetView.apply(TemplateVariables.keySet(type.type(), live.keySet())));
            variables.put(name, TemplateVariables.attributeMaps(live.values().stream().map(PolledObject::object).toList()));
        }
        return variables;
    }

    private List<ObjectKey> failing(ObjectType type, Iterable<PolledObject> live, Map<String, Object> variables) {
        List<NamedTemplate> constraints = constraintsByType.getOrDefault(type.name(), List.of());
        List<ObjectKey> failing = new ArrayList<>();
        if (constraints.isEmpty()) {
            return failing;
        }
        String where = "an object of type '" + type.name() + "'";
        for (PolledObject polled : live) {
            DataObject object = polled.object();
            variables.put(TemplateVariables.SELF, object.attributes());
            for (NamedTemplate constraint : constraints) {
                if (!constraint.test(variables, where)) {
                    failing.add(object.key());
                    break;
                }
            }
        }
        return failing;
    }
}
