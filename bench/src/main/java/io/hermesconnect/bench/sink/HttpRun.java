package io.hermesconnect.bench.sink;

import io.hermesconnect.bench.report.TextTable;
import java.util.List;

/**
 * One measured run: {@code events} creates sent by {@code side} to a server answering in {@code delayMs}, in a row of
 * the given {@code concurrency}, of which the side used {@code inFlight}. {@code vsPlain} is its rate over the plain
 * client's in the same row (null until {@link #withRatios}); {@code load} the load average when it ended.
 */
record HttpRun(int delayMs, int concurrency, String side, int inFlight, long events, double seconds,
        double eventsPerSecond, Double vsPlain, String load) {

    /** The same run, shown in the row of {@code concurrency} (the connector's runs, which have one in flight at any). */
    HttpRun inFlightOf(int concurrency) {
        return new HttpRun(delayMs, concurrency, side, inFlight, events, seconds, eventsPerSecond, null, load);
    }

    /** The runs, each with its ratio to the plain client of its delay and concurrency (null where there is none). */
    static List<HttpRun> withRatios(List<HttpRun> runs) {
        return runs.stream().map(run -> {
            Double plain = runs.stream()
                    .filter(other -> other.side().equals(HttpSide.PLAIN.id()) && other.delayMs() == run.delayMs()
                            && other.concurrency() == run.concurrency())
                    .map(HttpRun::eventsPerSecond).findFirst().orElse(null);
            return new HttpRun(run.delayMs, run.concurrency, run.side, run.inFlight, run.events, run.seconds,
                    run.eventsPerSecond, plain == null ? null : run.eventsPerSecond / plain, run.load);
        }).toList();
    }

    static TextTable table(List<HttpRun> runs) {
        TextTable table = new TextTable("side", "delay ms", "concurrency", "in flight", "events", "seconds", "events/s",
                "vs plain", "load avg");
        for (HttpRun run : runs) {
            table.row(run.side(), run.delayMs(), run.concurrency(), run.inFlight(), String.format("%,d", run.events()),
                    TextTable.number(run.seconds(), 1), TextTable.number(run.eventsPerSecond(), 0),
                    TextTable.number(run.vsPlain(), 2), run.load());
        }
        return table;
    }
}
