package io.hermesconnect.bench.smt;

import com.sun.management.ThreadMXBean;
import io.hermesconnect.bench.profile.InProcessRecording;
import io.hermesconnect.bench.profile.JfrThreadSamples;
import io.hermesconnect.bench.profile.ThreadProfileSummary;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Times one chain over the sample events on this thread: a warm-up, then several timed rounds. Throughput is
 * the median round; allocation is what this thread allocated per input record
 * ({@link ThreadMXBean#getCurrentThreadAllocatedBytes()}), the same in every round once the JIT settled.
 * {@code profile} is this thread's allocation and CPU profile over the timed rounds, when asked for.
 */
record SmtMeasurement(String caseId, String side, String work, double recordsPerSecond,
        double slowestRoundRecordsPerSecond, double fastestRoundRecordsPerSecond, double allocatedBytesPerRecord,
        double keptPercent, int rounds, ThreadProfileSummary profile) {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int TOP = 15;

    /** @param recordingFile where to write the timed rounds' flight recording, or null for no profile */
    static SmtMeasurement run(SmtCase smtCase, String side, double warmupSeconds, double roundSeconds, int rounds,
            Path recordingFile) {
        TransformChain chain = smtCase.chain(side);
        List<SourceRecord> records = SampleEvents.build(4096);
        // created before the warm-up, so that JFR's start-up is not in a timed round
        try (InProcessRecording recording = recordingFile == null ? null : new InProcessRecording()) {
            pass(chain, records, warmupSeconds);
            if (recording != null) {
                recording.start();
            }
            double[] rates = new double[rounds];
            long allocated = 0;
            long processed = 0;
            long kept = 0;
            for (int round = 0; round < rounds; round++) {
                long bytesBefore = THREADS.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                long[] counts = pass(chain, records, roundSeconds);
                long elapsed = System.nanoTime() - start;
                allocated += THREADS.getCurrentThreadAllocatedBytes() - bytesBefore;
                processed += counts[0];
                kept += counts[1];
                rates[round] = counts[0] / (elapsed / 1e9);
            }
            ThreadProfileSummary profile = recording == null ? null
                    : JfrThreadSamples.summarise(recording.stop(recordingFile), Thread.currentThread().getId(), TOP);
            Arrays.sort(rates);
            return new SmtMeasurement(smtCase.id(), side, smtCase.work(side), rates[rounds / 2], rates[0],
                    rates[rounds - 1], (double) allocated / processed, 100.0 * kept / processed, rounds, profile);
        }
    }

    /** Applies the chain to the records, whole passes over the list, until {@code seconds} passed; returns {processed, kept}. */
    private static long[] pass(TransformChain chain, List<SourceRecord> records, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long processed = 0;
        long kept = 0;
        do {
            for (SourceRecord record : records) {
                if (chain.apply(record) != null) {
                    kept++;
                }
            }
            processed += records.size();
        } while (System.nanoTime() < deadline);
        return new long[] {processed, kept};
    }
}
