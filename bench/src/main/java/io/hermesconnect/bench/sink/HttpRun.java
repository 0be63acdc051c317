package io.hermesconnect.bench.sink;

import io.hermesconnect.bench.report.TextTable;
import java.util.List;

/**
 * One measured run: {@code events} creates sent by {@code side} to a server answering in {@code delayMs}, with up to
 * {@code concurrency} requests in flight. {@code vsPlain} is its rate over the plain
 * client's in the same row (null until {@link #withRatios}); {@code load} the load average when it ended.
 */
record HttpRun(int delayMs, int concurrency, String side, long events, double seconds,
        double eventsPerSecond, Double vsPlain, String load) {

    /** The runs, each with its ratio to the plain client of its delay and concurrency (null where there is none). */
    static List<HttpRun> withRatios(List<HttpRun> runs) {
        return runs.stream().map(run -> {
            Double plain = runs.stream()
                    .filter(other -> other.side().equals(HttpSide.PLAIN.id()) && other.delayMs() == run.delayMs()
                            && other.concurrency() == run.concurrency())
                    .map(HttpRun::eventsPerSecond).findFirst().orElse(null);
            return new HttpRun(run.delayMs, run.concurrency, run.side, run.events, run.seconds,
                    run.eventsPerSecond, plain == null ? null : run.eventsPerSecond / plain, run.load);
        }).toList();
    }

    static TextTable table(List<HttpRun> runs) {
        TextTable table = new TextTable("side", "delay ms", "concurrency", "events", "seconds", "events/s",
                "vs plain", "load avg");
        for (HttpRun run : runs) {
            table.row(run.side(), run.delayMs(), run.concurrency(), String.format("%,d", run.events()),
                    TextTable.number(run.seconds(), 1), TextTable.number(run.eventsPerSecond(), 0),
                    TextTable.number(run.vsPlain(), 2), run.load());
        }
        return table;
    }
}
