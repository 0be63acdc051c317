package io.hermesconnect.common.sink;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Merging an event into the parked event of the same object it is parked behind, as HERMES.md section 2 states
 * it. {@link #outcome} is the table of operation pairs; {@link #merge} builds the one event of a
 * {@link Outcome#MERGE}. The error queue never merges into an event that was partly applied.
 */
final class Remediation {

    /** What happens to a parked event and the event parked behind it. */
    enum Outcome {
        /** Both stay parked, in order. */
        KEEP_BOTH,
        /** They become one event ({@link #merge}). */
        MERGE,
        /** They cancel out: an object added then removed is never created. */
        DROP_BOTH,
        /** A pair that cannot follow from a correct stream (added + added…): a bug, reported; both stay parked. */
        IMPOSSIBLE
    }

    private Remediation() {
    }

    /** The outcome for an event of operation {@code second} parked behind one of operation {@code first}. */
    static Outcome outcome(RemediationMode mode, SinkOperation first, SinkOperation second) {
        if (mode == RemediationMode.DISABLED) {
            return Outcome.KEEP_BOTH;
        }
        boolean maximum = mode == RemediationMode.MAXIMUM;
        return switch (first) {
            case ADD -> switch (second) {
                case ADD -> Outcome.IMPOSSIBLE;
                case MODIFY -> Outcome.MERGE;
                case REMOVE -> maximum ? Outcome.DROP_BOTH : Outcome.KEEP_BOTH;
            };
            case MODIFY -> switch (second) {
                case ADD -> Outcome.IMPOSSIBLE;
                case MODIFY -> Outcome.MERGE;
                case REMOVE -> maximum ? Outcome.MERGE : Outcome.KEEP_BOTH;
            };
            case REMOVE -> switch (second) {
                case ADD -> maximum ? Outcome.MERGE : Outcome.KEEP_BOTH;
                case MODIFY, REMOVE -> Outcome.IMPOSSIBLE;
            };
        };
    }

    /**
     * The one event that stands for {@code first} followed by {@code second}, for a pair whose outcome is
     * {@link Outcome#MERGE}: added + modified → added; modified + modified → modified; removed + added →
     * modified from the object as the target has it to the new one; modified + removed → removed.
     */
    static SinkEvent merge(SinkEvent first, SinkEvent second) {
        return switch (second.operation()) {
            case MODIFY -> second.merged(first.operation(), first.before(), combinedAfter(first, second),
                    stillUnchanged(first, second));
            case ADD -> second.merged(SinkOperation.MODIFY, first.before(), second.after(), second.unchanged());
            case REMOVE -> second.merged(SinkOperation.REMOVE, first.before(), null, Set.of());
        };
    }

    /**
     * The second state, where fields it left unchanged take the first's value: the changes of both. A field
     * the first added and the second removed is in neither the result nor the combined change.
     */
    private static Map<String, Object> combinedAfter(SinkEvent first, SinkEvent second) {
        Map<String, Object> after = new LinkedHashMap<>(second.after());
        for (String field : second.unchanged()) {
            if (first.after().containsKey(field)) {
                after.put(field, first.after().get(field));
            }
        }
        return after;
    }

    /** Fields neither event sent: the target still leaves them as they are. */
    private static Set<String> stillUnchanged(SinkEvent first, SinkEvent second) {
        Set<String> unchanged = new HashSet<>(second.unchanged());
        unchanged.removeAll(first.after().keySet());
        return unchanged;
    }
}
