package io.hermesconnect.source.diff.config;

import io.hermesconnect.common.config.PrefixedConfigs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the nested settings ({@code sources.<S>.*}, {@code types.<T>.*}, {@code types.<T>.sources.<S>.*}) into a
 * {@link PollPlan}, reporting every problem on the key the user must change: unknown keys, missing or bad values,
 * templates that do not compile, queries naming a type not declared before theirs, keys and classed attributes no
 * source maps, secrets without a key to hash them, foreign keys that lead nowhere or in a circle.
 */
final class PollPlanParser {

    private PollPlanParser() {
    }

    /**
     * @param originals    the connector's settings
     * @param typeNames    the names in {@code types}, in order
     * @param sourceNames  the names in {@code sources}
     * @param hasSecretKey whether {@code state.secret.key} is set
     * @return the plan, complete only when no problem was reported
     */
    static PollPlan parse(Map<String, ?> originals, List<String> typeNames, List<String> sourceNames, boolean hasSecretKey,
                          ConfigErrors errors) {
        PrefixedConfigs bySource = PrefixedConfigs.split(originals, PollingDiffConfig.SOURCES, sourceNames);
        bySource.undeclaredKeys().forEach(key -> errors.add(key, bySource.problem(key)));
        Map<String, SourceSettings> sources = new LinkedHashMap<>();
        bySource.all().forEach((name, settings) -> {
            SourceSettings parsed = SourceConfigs.parse(name, settings, errors);
            if (parsed != null) {
                sources.put(name, parsed);
            }
        });
        PrefixedConfigs byType = PrefixedConfigs.split(originals, PollingDiffConfig.TYPES, typeNames);
        byType.undeclaredKeys().forEach(key -> errors.add(key, byType.problem(key)));
        List<TypePlan> types = new ArrayList<>();
        for (String name : typeNames) {
            List<String> earlierTypes = typeNames.subList(0, typeNames.indexOf(name));
            TypePlan type = new TypeParser(earlierTypes, sources, sourceNames, errors).parse(name, byType.settings(name));
            if (type != null) {
                types.add(type);
            }
        }
        ForeignKeys.check(types, typeNames, errors);
        if (!hasSecretKey) {
            types.stream().filter(TypePlan::hasSecretAttributes).forEach(type -> errors.add(
                    PollingDiffConfig.STATE_SECRET_KEY, "Type " + type.name() + " has secret attributes, which the state "
                            + "keeps as HMACs keyed with this key: set it"));
        }
        return new PollPlan(types, sources);
    }
}
