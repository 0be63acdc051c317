package io.hermesconnect.bench.smt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * Transformations applied in order as a Connect worker applies a connector's {@code transforms}: a stage with a
 * predicate runs only when the predicate holds (or does not, when negated), and a null record ends the chain.
 * Plugins are created by class name and configured with string maps, exactly as the worker does.
 */
final class TransformChain {

    private record Stage(Transformation<SourceRecord> transformation, Predicate<SourceRecord> predicate, boolean negate) {
    }

    private final List<Stage> stages = new ArrayList<>();

    /** Adds a stage without a predicate. */
    TransformChain then(String transformationClass, Map<String, String> config) {
        return then(transformationClass, config, null, null, false);
    }

    /** Adds a stage that runs when the predicate ({@code predicateClass} with its config) holds, or does not if {@code negate}. */
    TransformChain then(String transformationClass, Map<String, String> config, String predicateClass,
            Map<String, String> predicateConfig, boolean negate) {
        Transformation<SourceRecord> transformation = create(transformationClass);
        transformation.configure(config);
        Predicate<SourceRecord> predicate = null;
        if (predicateClass != null) {
            predicate = create(predicateClass);
            predicate.configure(predicateConfig);
        }
        stages.add(new Stage(transformation, predicate, negate));
        return this;
    }

    /** The transformed record, or null when a stage dropped it. */
    SourceRecord apply(SourceRecord record) {
        SourceRecord current = record;
        for (Stage stage : stages) {
            if (stage.predicate() == null || stage.predicate().test(current) != stage.negate()) {
                current = stage.transformation().apply(current);
                if (current == null) {
                    return null;
                }
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static <T> T create(String className) {
        try {
            return (T) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className + " (is its module on the class path?)", e);
        }
    }
}
