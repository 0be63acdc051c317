package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.TemplateVariables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the merge constraints of a type's sources before the merge, until nothing more is left out: an object
 * left out of one source can make another source's objects fail their constraints in the next round. Each round
 * builds every source's key set once, so a round is linear in the number of objects.
 */
final class MergeConstraints {

    /** The sources with only the objects that pass, and how many were left out. */
    record Result(List<SourceObjects> sources, int filtered) {
    }

    private MergeConstraints() {
    }

    static Result apply(ObjectType type, List<SourceObjects> sources) {
        if (sources.stream().allMatch(source -> source.mergeConstraints().isEmpty())) {
            return new Result(sources, 0);
        }
        List<SourceObjects> current = sources;
        int filtered = 0;
        int filteredThisRound;
        do {
            Map<String, Object> variables = roundVariables(type, current);
            List<SourceObjects> next = new ArrayList<>(current.size());
            filteredThisRound = 0;
            for (SourceObjects source : current) {
                List<DataObject> passing = passing(type, source, variables);
                filteredThisRound += source.objects().size() - passing.size();
                next.add(source.withObjects(passing));
            }
            filtered += filteredThisRound;
            current = next;
        } while (filteredThisRound > 0);
        return new Result(current, filtered);
    }

    private static Map<String, Object> roundVariables(ObjectType type, List<SourceObjects> sources) {
        Map<String, Object> variables = new HashMap<>();
        for (SourceObjects source : sources) {
            List<ObjectKey> keys = source.objects().stream().map(DataObject::key).toList();
            variables.put(TemplateVariables.keysName(source.source()), TemplateVariables.keySet(type, keys));
            variables.put(source.source(), TemplateVariables.attributeMaps(source.objects()));
        }
        return variables;
    }

    private static List<DataObject> passing(ObjectType type, SourceObjects source, Map<String, Object> variables) {
        if (source.mergeConstraints().isEmpty()) {
            return source.objects();
        }
        String where = "an object of type '" + type.name() + "' from source '" + source.source() + "'";
        List<DataObject> passing = new ArrayList<>(source.objects().size());
        for (DataObject object : source.objects()) {
            variables.put(TemplateVariables.SELF, object.attributes());
            if (passesAll(source.mergeConstraints(), variables, where)) {
                passing.add(object);
            }
        }
        return passing;
    }

    private static boolean passesAll(List<NamedTemplate> constraints, Map<String, Object> variables, String where) {
        for (NamedTemplate constraint : constraints) {
            if (!constraint.test(variables, where)) {
                return false;
            }
        }
        return true;
    }
}
