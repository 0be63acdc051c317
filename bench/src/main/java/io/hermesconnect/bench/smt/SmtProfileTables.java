package io.hermesconnect.bench.smt;

import static io.hermesconnect.bench.report.TextTable.number;

import io.hermesconnect.bench.profile.ProfileTables;
import io.hermesconnect.bench.profile.Share;
import io.hermesconnect.bench.profile.ThreadProfileSummary;
import io.hermesconnect.bench.report.TextTable;
import java.util.List;

/** Each profiled case and side's allocation and CPU profile as text: allocated classes, allocation sites, methods. */
final class SmtProfileTables {

    private SmtProfileTables() {
    }

    /** @param results measurements, those without a profile are skipped */
    static String text(List<SmtMeasurement> results) {
        StringBuilder out = new StringBuilder();
        for (SmtMeasurement r : results) {
            ThreadProfileSummary p = r.profile();
            if (p == null) {
                continue;
            }
            out.append(String.format("%n%s / %s: %,d allocation samples (%,.0f MB sampled), %,d CPU samples, %s%n",
                    r.caseId(), r.side(), p.allocationSamples(), p.allocationSampledBytes() / 1e6, p.cpuSamples(),
                    p.recording()));
            out.append(allocation("allocated class", p.allocatedClasses(), r.bytesPerRecord().value())).append('\n')
                    .append(allocation("allocation site (our frame nearest the leaf, else first non-JDK)",
                            p.allocationSites(), r.bytesPerRecord().value()))
                    .append('\n').append(ProfileTables.methods(p.leafMethods(), p.inclusiveMethods()));
        }
        return out.toString();
    }

    /** B/record: the share of the sampled bytes applied to the bytes/record the thread really allocated. */
    private static TextTable allocation(String title, List<Share> shares, double bytesPerRecord) {
        TextTable table = new TextTable(title, "B/record", "%");
        shares.forEach(s -> table.row(s.name(), number(bytesPerRecord * s.percent() / 100, 1), number(s.percent(), 1)));
        return table;
    }
}
