package io.hermesconnect.bench.profile;

import static io.hermesconnect.bench.report.TextTable.number;

import io.hermesconnect.bench.report.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Several runs' CPU profiles as text: the shares by component and by thread role side by side (one column per
 * run), then each run's busiest threads and top methods.
 */
public final class ProfileTables {

    private ProfileTables() {
    }

    /** @param byRun at least one profile, in the order to show, keyed by a run label such as {@code small / hermes} */
    public static String text(Map<String, ProfileSummary> byRun) {
        StringBuilder out = new StringBuilder();
        out.append("\nWorker CPU by component, % of samples (first frame from the leaf in a known package)\n")
                .append(sideBySide("component", byRun, ProfileSummary::components));
        out.append("\nWorker CPU by thread, % of samples\n")
                .append(sideBySide("thread role", byRun, ProfileSummary::threadRoles));
        byRun.forEach((run, profile) -> {
            out.append('\n').append(run).append(": ").append(String.format("%,d", profile.samples()))
                    .append(" samples, ").append(profile.recording()).append('\n');
            TextTable threads = new TextTable("busiest threads", "role", "samples", "%");
            profile.busiestThreads().forEach(t -> threads.row(t.name(), t.role(), t.samples(), number(t.percent(), 1)));
            out.append(threads).append('\n').append(methods(profile.leafMethods(), profile.inclusiveMethods()));
        });
        return out.toString();
    }

    /** One row per share name (every summary lists the same names in the same order), one column per run. */
    private static TextTable sideBySide(String title, Map<String, ProfileSummary> byRun,
            Function<ProfileSummary, List<Share>> shares) {
        List<String> header = new ArrayList<>(List.of(title));
        header.addAll(byRun.keySet());
        TextTable table = new TextTable(header.toArray(String[]::new));
        List<String> names = shares.apply(byRun.values().iterator().next()).stream().map(Share::name).toList();
        for (int i = 0; i < names.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(names.get(i)));
            for (ProfileSummary profile : byRun.values()) {
                row.add(number(shares.apply(profile).get(i).percent(), 1));
            }
            table.row(row.toArray());
        }
        List<Object> samples = new ArrayList<>(List.of("samples"));
        byRun.values().forEach(p -> samples.add(String.format("%,d", p.samples())));
        return table.row(samples.toArray());
    }

    /** The top leaf methods and the top inclusive methods of a CPU profile, as two tables. */
    public static String methods(List<Share> leafMethods, List<Share> inclusiveMethods) {
        return methodTable("leaf method (self)", leafMethods) + "\n"
                + methodTable("inclusive method (self + callees)", inclusiveMethods);
    }

    private static TextTable methodTable(String title, List<Share> shares) {
        TextTable table = new TextTable(title, "samples", "%");
        shares.forEach(s -> table.row(s.name(), s.weight(), number(s.percent(), 1)));
        return table;
    }
}
