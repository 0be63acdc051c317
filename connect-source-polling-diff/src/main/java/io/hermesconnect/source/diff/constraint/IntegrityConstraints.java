package io.hermesconnect.source.diff.constraint;

import io.hermesconnect.source.diff.merge.MergedType;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.model.TemplateVariables;
import io.hermesconnect.source.diff.spill.AttributeMapsView;
import io.hermesconnect.source.diff.spill.KeySetView;
import io.hermesconnect.source.diff.spill.PollSpill;
import io.hermesconnect.source.diff.spill.SpilledKeys;
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
 * <p>Templates see each type's spilled objects through views: {@code <Type>_pkeys} is one look-up in the type's
 * spilled map (a value for a one-attribute key, a list of values for a tuple), {@code <Type>} streams its attribute
 * maps. Each round renders each constraint once per object and spills the keys that fail; they are removed from their
 * type's map once the round is over, so every object of a round is tested against the same sets. A round is linear in
 * the number of objects, and the number of rounds is bounded by the longest chain of types whose constraints depend
 * on one another. Kept objects ({@link PolledObject#kept}) are tested too, on what templates see of them: no secret
 * nor local attribute.
 */
public final class IntegrityConstraints {

    private final Map<String, List<NamedTemplate>> constraintsByType;
    private final UnaryOperator<Set<Object>> keySetView;

    /** @param constraintsByType each type's boolean templates, by type name; a type without any may be left out */
    public IntegrityConstraints(Map<String, List<NamedTemplate>> constraintsByType) {
        this(constraintsByType, UnaryOperator.identity());
    }

    // visible for testing: keySetView wraps each key set, to count its reads
    IntegrityConstraints(Map<String, List<NamedTemplate>> constraintsByType, UnaryOperator<Set<Object>> keySetView) {
        this.constraintsByType = Map.copyOf(constraintsByType);
        this.keySetView = keySetView;
    }

    /**
     * Removes the objects that fail from the merged types' maps.
     *
     * @param types every type of the poll, in declared order
     * @param spill where the keys that fail a round wait to be removed
     * @return the count filtered per type, and the rounds taken
     * @throws io.hermesconnect.source.diff.model.PollAbortedException when a constraint fails or gives no boolean
     */
    public IntegrityResult apply(List<MergedType> types, PollSpill spill) {
        Map<String, Integer> filtered = new LinkedHashMap<>();
        types.forEach(type -> filtered.put(type.type().name(), 0));
        if (constraintsByType.values().stream().allMatch(List::isEmpty)) {
            return new IntegrityResult(filtered, 0);
        }
        Map<String, Object> variables = new HashMap<>();
        for (MergedType type : types) {
            String name = type.type().name();
            variables.put(TemplateVariables.keysName(name), keySetView.apply(new KeySetView(type.type(), type.objects())));
            variables.put(name, new AttributeMapsView(type.objects()));
        }
        Map<String, SpilledKeys> failing = new LinkedHashMap<>();
        types.forEach(type -> failing.put(type.type().name(), spill.newKeys()));
        int rounds = 0;
        boolean changed = true;
        while (changed) {
            rounds++;
            for (MergedType type : types) {
                collectFailing(type, variables, failing.get(type.type().name()));
            }
            changed = false;
            for (MergedType type : types) {
                SpilledKeys failed = failing.get(type.type().name());
                for (ObjectKey key : failed) {
                    type.objects().remove(key);
                }
                filtered.merge(type.type().name(), (int) failed.size(), Integer::sum);
                changed |= !failed.isEmpty();
                failed.clear();
            }
        }
        return new IntegrityResult(filtered, rounds);
    }

    private void collectFailing(MergedType type, Map<String, Object> variables, SpilledKeys failing) {
        ObjectType objectType = type.type();
        List<NamedTemplate> constraints = constraintsByType.getOrDefault(objectType.name(), List.of());
        if (constraints.isEmpty()) {
            return;
        }
        String where = "an object of type '" + objectType.name() + "'";
        for (PolledObject polled : type.objects()) {
            variables.put(TemplateVariables.SELF, polled.object().attributes());
            for (NamedTemplate constraint : constraints) {
                if (!constraint.test(variables, where)) {
                    failing.add(polled.key());
                    break;
                }
            }
        }
    }
}
