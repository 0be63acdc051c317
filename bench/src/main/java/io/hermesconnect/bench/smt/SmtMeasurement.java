package io.hermesconnect.bench.smt;

import io.hermesconnect.bench.profile.ThreadProfileSummary;
import io.hermesconnect.bench.report.Estimate;

/**
 * One case and side, measured: records/s and allocated bytes per record as JMH measured them (one operation is one
 * record), each with its error (99.9% confidence), the forks and measured iterations they rest on, the share of
 * events the chain kept, and, when asked for, the measuring thread's allocation and CPU profile.
 */
record SmtMeasurement(String caseId, String side, String work, Estimate recordsPerSecond, Estimate bytesPerRecord,
        int forks, int measurements, double keptPercent, ThreadProfileSummary profile) {

    SmtMeasurement(SmtCase smtCase, String side, JmhScores scores, double keptPercent, ThreadProfileSummary profile) {
        this(smtCase.id(), side, smtCase.work(side), scores.opsPerSecond(), scores.bytesPerOp(), scores.forks(),
                scores.measurements(), keptPercent, profile);
    }
}
