package io.hermesconnect.bench.smt;

import io.hermesconnect.bench.report.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ours over Connect's built-ins for one case: records/s (above 1: ours is faster) and bytes/record (below 1: ours
 * allocates less), each with the error propagated from both sides' ({@link Estimate#over}).
 */
record SmtRatio(String caseId, Estimate recordsPerSecond, Estimate bytesPerRecord) {

    /** The ratio of every case measured on both sides, in the order of the cases. */
    static List<SmtRatio> of(List<SmtMeasurement> results) {
        List<SmtRatio> ratios = new ArrayList<>();
        for (SmtCase smtCase : SmtCase.values()) {
            Optional<SmtMeasurement> ours = find(results, smtCase.id(), SmtCase.HERMES);
            Optional<SmtMeasurement> theirs = find(results, smtCase.id(), SmtCase.CONNECT);
            if (ours.isPresent() && theirs.isPresent()) {
                ratios.add(new SmtRatio(smtCase.id(), ours.get().recordsPerSecond().over(theirs.get().recordsPerSecond()),
                        ours.get().bytesPerRecord().over(theirs.get().bytesPerRecord())));
            }
        }
        return ratios;
    }

    private static Optional<SmtMeasurement> find(List<SmtMeasurement> results, String caseId, String side) {
        return results.stream().filter(r -> r.caseId().equals(caseId) && r.side().equals(side)).findFirst();
    }
}
