package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.model.TemplateVariables;
import io.hermesconnect.source.diff.spill.AttributeMapsView;
import io.hermesconnect.source.diff.spill.KeySetView;
import io.hermesconnect.source.diff.spill.PollSpill;
import io.hermesconnect.source.diff.spill.SpilledKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the merge constraints of a type's sources before the merge, until nothing more is left out: an object
 * left out of one source can make another source's objects fail their constraints in the next round. Templates see
 * every source's spilled objects through views ({@code <source>_pkeys} is a look-up, {@code <source>} a stream); the
 * keys that fail a round are spilled too and removed only once the round is over, so every object of a round is
 * tested against the same sets. A round is linear in the number of objects.
 */
final class MergeConstraints {

    private MergeConstraints() {
    }

    /**
     * Removes the objects that fail from the sources' maps.
     *
     * @return how many were left out
     */
    static int apply(ObjectType type, List<SourceObjects> sources, PollSpill spill) {
        if (sources.stream().allMatch(source -> source.mergeConstraints().isEmpty())) {
            return 0;
        }
        Map<String, Object> variables = new HashMap<>();
        List<SpilledKeys> failing = new ArrayList<>(sources.size());
        for (SourceObjects source : sources) {
            variables.put(TemplateVariables.keysName(source.source()), new KeySetView(type, source.objects()));
            variables.put(source.source(), new AttributeMapsView(source.objects()));
            failing.add(spill.newKeys());
        }
        int filtered = 0;
        int filteredThisRound;
        do {
            for (int i = 0; i < sources.size(); i++) {
                collectFailing(type, sources.get(i), variables, failing.get(i));
            }
            filteredThisRound = 0;
            for (int i = 0; i < sources.size(); i++) {
                for (ObjectKey key : failing.get(i)) {
                    sources.get(i).objects().remove(key);
                    filteredThisRound++;
                }
                failing.get(i).clear();
            }
            filtered += filteredThisRound;
        } while (filteredThisRound > 0);
        return filtered;
    }

    private static void collectFailing(ObjectType type, SourceObjects source, Map<String, Object> variables,
                                       SpilledKeys failing) {
        if (source.mergeConstraints().isEmpty()) {
            return;
        }
        String where = "an object of type '" + type.name() + "' from source '" + source.source() + "'";
        for (PolledObject object : source.objects()) {
            variables.put(TemplateVariables.SELF, object.object().attributes());
            if (!passesAll(source.mergeConstraints(), variables, where)) {
                failing.add(object.key());
            }
        }
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
