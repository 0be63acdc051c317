package io.hermesconnect.bench.smt;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Times one chain over the sample events on this thread: a warm-up, then several timed rounds. Throughput is
 * the median round; allocation is what this thread allocated per input record
 * ({@link ThreadMXBean#getCurrentThreadAllocatedBytes()}), the same in every round once the JIT settled.
 */
record SmtMeasurement(String caseId, String side, String work, double recordsPerSecond,
        double slowestRoundRecordsPerSecond, double fastestRoundRecordsPerSecond, double allocatedBytesPerRecord,
        double keptPercent, int rounds) {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    static SmtMeasurement run(SmtCase smtCase, String side, double warmupSeconds, double roundSeconds, int rounds) {
        TransformChain chain = smtCase.chain(side);
        List<SourceRecord> records = SampleEvents.build(4096);
        pass(chain, records, warmupSeconds);
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
        Arrays.sort(rates);
        return new SmtMeasurement(smtCase.id(), side, smtCase.work(side), rates[rounds / 2], rates[0],
                rates[rounds - 1], (double) allocated / processed, 100.0 * kept / processed, rounds);
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
