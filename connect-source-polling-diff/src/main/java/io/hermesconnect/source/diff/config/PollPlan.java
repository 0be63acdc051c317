package io.hermesconnect.source.diff.config;

import io.hermesconnect.source.diff.constraint.IntegrityConstraints;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.TemplateVariables;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every poll does, parsed once from the config: the types in declared order, each with its sources, queries,
 * mappings, merge settings, constraints and write-back templates; and each source's connection settings. Immutable;
 * templates are compiled.
 *
 * @param types   the types, in declared order
 * @param sources each source's settings, by name, in declared order
 */
public record PollPlan(List<TypePlan> types, Map<String, SourceSettings> sources) {

    /** Copies the list and the map. */
    public PollPlan {
        types = List.copyOf(types);
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** The integrity constraints of every type, for {@link io.hermesconnect.source.diff.poll.PollSnapshotBuilder}. */
    public IntegrityConstraints integrityConstraints() {
        Map<String, List<NamedTemplate>> byType = new LinkedHashMap<>();
        types.forEach(type -> byType.put(type.name(), type.integrityConstraints()));
        return new IntegrityConstraints(byType);
    }

    /**
     * The variables a query template of {@code type} sees when every type before it is empty: how validation renders
     * a query before any poll ran.
     */
    public Map<String, Object> emptyEarlierTypes(String type) {
        List<String> names = types.stream().map(TypePlan::name).toList();
        return emptyTypes(names.subList(0, names.indexOf(type)));
    }

    /** The variables of types without objects: {@code <Type>} an empty list, {@code <Type>_pkeys} an empty set. */
    static Map<String, Object> emptyTypes(List<String> names) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : names) {
            variables.put(name, List.of());
            variables.put(TemplateVariables.keysName(name), Set.of());
        }
        return variables;
    }
}
