package io.hermesconnect.bench.smt;

import static io.hermesconnect.bench.report.TextTable.number;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hermesconnect.bench.CommandLine;
import io.hermesconnect.bench.report.Estimate;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.report.TextTable;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The SMT benchmark: records/s and allocated bytes per record of our Filter and JinjaMapping beside Connect's
 * built-in transforms (see {@link SmtCase}), on one thread, measured by JMH ({@link SmtBenchmark}): each case and
 * side in forks of its own, so one chain's JIT profile does not slow down the next, each figure with its error.
 * Run it with bench/smt-bench.sh.
 */
public final class SmtBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SmtBench() {
    }

    public static void main(String[] args) throws IOException {
        Optional<SmtBenchOptions> parsed = CommandLine.parseOrExit(args, SmtBenchOptions.USAGE, SmtBenchOptions::parse);
        if (parsed.isEmpty()) {
            return;
        }
        SmtBenchOptions options = parsed.get();
        Machine machine = Machine.describe();
        int runs = options.cases().size() * SmtCase.SIDES.size();
        System.out.printf("[smt-bench] machine: %d cores, load average %s; %d runs of %d fork(s), about %.0f s each%n",
                machine.cores(), machine.loadAtStart(), runs, options.forks(), options.secondsPerCaseAndSide());
        List<SmtMeasurement> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String caseId : options.cases()) {
            SmtCase smtCase = SmtCase.forId(caseId);
            for (String side : SmtCase.SIDES) {
                SmtJmhRun run = new SmtJmhRun(options, smtCase, side);
                try {
                    SmtMeasurement result = run.run(smtCase.keptPercent(side));
                    results.add(result);
                    System.out.printf("[smt-bench] %-18s %-8s %s records/s  %s B/record  (load %s)%n", caseId, side,
                            withError(result.recordsPerSecond(), 0), withError(result.bytesPerRecord(), 1), Machine.load());
                } catch (RunnerException | RuntimeException e) {
                    failures.add(caseId + "/" + side + ": " + e.getMessage() + " (JMH's log: " + run.log() + ")");
                    System.out.println("[smt-bench] " + caseId + " " + side + " FAILED: " + e.getMessage()
                            + "; see " + run.log());
                }
            }
        }
        List<SmtRatio> ratios = SmtRatio.of(results);
        System.out.println(text(results, ratios, failures));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", "smt");
        document.put("machine", machine);
        document.put("loadAverageAtEnd", Machine.load());
        document.put("setup", setup(options));
        document.put("results", results);
        document.put("ratios", ratios);
        document.put("failures", failures);
        Files.createDirectories(options.output().toAbsolutePath().getParent());
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.output().toFile(), document);
        System.out.println("[smt-bench] JSON written to " + options.output() + "; load average now " + Machine.load());
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static Map<String, Object> setup(SmtBenchOptions options) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("forks", options.forks());
        setup.put("warmupIterations", options.warmupIterations());
        setup.put("warmupSeconds", options.warmupSeconds());
        setup.put("iterations", options.iterations());
        setup.put("iterationSeconds", options.iterationSeconds());
        setup.put("heap", options.heap());
        setup.put("profile", options.profile());
        setup.put("jmhResults", options.workDir().toString());
        return setup;
    }

    private static String text(List<SmtMeasurement> results, List<SmtRatio> ratios, List<String> failures) {
        TextTable table = new TextTable("case", "side", "work", "records/s", "± 99.9%", "bytes/record", "±",
                "kept %", "forks x iterations");
        for (SmtMeasurement r : results) {
            table.row(r.caseId(), r.side(), r.work(), number(r.recordsPerSecond().value(), 0),
                    number(r.recordsPerSecond().error(), 0), number(r.bytesPerRecord().value(), 1),
                    number(r.bytesPerRecord().error(), 1), number(r.keptPercent(), 1),
                    r.forks() + " x " + r.measurements() / r.forks());
        }
        TextTable ratioTable = new TextTable("case", "records/s hermes/connect", "± 99.9%", "bytes/record hermes/connect",
                "±");
        for (SmtRatio ratio : ratios) {
            ratioTable.row(ratio.caseId(), number(ratio.recordsPerSecond().value(), 3),
                    number(ratio.recordsPerSecond().error(), 3), number(ratio.bytesPerRecord().value(), 2),
                    number(ratio.bytesPerRecord().error(), 2));
        }
        StringBuilder out = new StringBuilder("\nSMT throughput, one thread (± : JMH's 99.9% confidence interval)\n")
                .append(table).append("\nRatios (± propagated from both sides)\n").append(ratioTable)
                .append(SmtProfileTables.text(results));
        if (!failures.isEmpty()) {
            out.append("\nFailures\n");
            failures.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        return out.toString();
    }

    private static String withError(Estimate estimate, int decimals) {
        return number(estimate.value(), decimals) + " ± " + number(estimate.error(), decimals);
    }
}
