package io.hermesconnect.bench.smt;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JMH benchmark behind {@link SmtBench}: one operation is one change event through one side's chain of
 * one case, so JMH's ops/s are records/s and its {@code gc.alloc.rate.norm} is bytes per record. The events
 * are replayed in order, round and round. {@link SmtBench} sets both parameters for every run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SmtBenchmark {

    /** How many sample events are replayed: a power of two, so the next index is a mask. */
    static final int EVENTS = 4096;

    /** An {@link SmtCase} id. */
    @Param("")
    public String caseId;

    /** {@code hermes} or {@code connect}. */
    @Param("")
    public String side;

    private TransformChain chain;
    private SourceRecord[] records;
    private int next;

    @Setup
    public void setUp() {
        chain = SmtCase.forId(caseId).chain(side);
        List<SourceRecord> events = SampleEvents.build(EVENTS);
        records = events.toArray(new SourceRecord[0]);
    }

    /** The transformed record (null when dropped) goes to the blackhole, so the JIT cannot skip the work. */
    @Benchmark
    public void apply(Blackhole blackhole) {
        blackhole.consume(chain.apply(records[next]));
        next = (next + 1) & (EVENTS - 1);
    }
}
