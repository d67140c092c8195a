package org.plasticity.trainers.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's tables: per group (mean ± std over seeds of ACC, BWT, FWT and wall time), per run, and the runs that
 * did not finish. Text tables show ACC in percent and BWT/FWT in percentage points; the CSV files keep the
 * fractions of metrics.json and seconds, for further processing.
 */
public final class ReportTables {

    private ReportTables() {
    }

    /** The summary table: one row per group. */
    public static Table summary(Grouping grouping) {
        List<String> header = new ArrayList<>(grouping.keys().stream().map(ReportTables::title).toList());
        header.addAll(List.of("runs", "seeds", "ACC (%)", "BWT (points)", "FWT (points)", "wall time"));
        List<List<String>> rows = new ArrayList<>();
        for (RunGroup g : grouping.groups()) {
            List<String> row = new ArrayList<>(g.values());
            row.add(Integer.toString(g.runs().size()));
            row.add(g.seeds());
            row.add(g.acc().format(100, 2));
            row.add(g.bwt().format(100, 2));
            row.add(g.fwt().format(100, 2));
            row.add(g.wallSeconds().formatDuration());
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** One row per run, finished or not. */
    public static Table runs(List<RunRecord> runs) {
        List<String> header = List.of("run", "name", "method", "training", "seed", "state", "ACC (%)", "BWT (points)",
                "FWT (points)", "wall time");
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            rows.add(List.of(r.label(), r.name(), r.method(), r.trainingMethod(), Long.toString(r.seed()), r.state(),
                    Stats.of(r.acc()).format(100, 2), Stats.of(r.bwt()).format(100, 2),
                    Stats.of(r.fwt()).format(100, 2), Stats.of(r.wallSeconds()).formatDuration()));
        }
        return new Table(header, rows);
    }

    /** The runs that did not finish, with the reason. */
    public static Table unfinished(List<RunRecord> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            if (!r.completed()) {
                rows.add(List.of(r.label(), r.name(), Long.toString(r.seed()), r.state(),
                        r.reason() == null ? "" : r.reason()));
            }
        }
        return new Table(List.of("run", "name", "seed", "state", "reason"), rows);
    }

    /** The summary as CSV: key columns, runs, seeds, then mean and std of acc, bwt, fwt (fractions), wall seconds. */
    public static String summaryCsv(Grouping grouping) {
        List<String> header = new ArrayList<>(grouping.keys());
        header.addAll(List.of("runs", "seeds", "acc_mean", "acc_std", "bwt_mean", "bwt_std", "fwt_mean", "fwt_std",
                "wall_seconds_mean", "wall_seconds_std"));
        List<List<String>> rows = new ArrayList<>();
        for (RunGroup g : grouping.groups()) {
            List<String> row = new ArrayList<>(g.values());
            row.add(Integer.toString(g.runs().size()));
            row.add(g.seeds());
            for (Stats s : List.of(g.acc(), g.bwt(), g.fwt(), g.wallSeconds())) {
                row.add(number(s.mean()));
                row.add(number(s.std()));
            }
            rows.add(row);
        }
        return csv(header, rows);
    }

    /** Every run as CSV, with the fractions of metrics.json. */
    public static String runsCsv(List<RunRecord> runs) {
        List<String> header = List.of("run", "dir", "name", "method", "trainingMethod", "seed", "state", "acc", "bwt",
                "fwt", "wall_seconds", "reason");
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            rows.add(List.of(r.label(), r.dir().toString(), r.name(), r.method(), r.trainingMethod(),
                    Long.toString(r.seed()), r.state(), number(r.acc()), number(r.bwt()), number(r.fwt()),
                    number(r.wallSeconds()), r.reason() == null ? "" : r.reason()));
        }
        return csv(header, rows);
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    private static String title(String key) {
        return key.equals("trainingMethod") ? "training" : key;
    }
}
